// raysec-cli certs issue --profile against raysec-sim: the nodes come from the simulated
// cluster's /api/v0/nodes over TLS with token auth; every alive node gets a bundle that openssl
// verifies, dead nodes get none, and a refused token changes nothing.

#include "core/tls/TlsTestSupport.h"

#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace raysec;
using namespace raysec::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray clusterToken = "5f0c2a9e7d41b836c0ffee11deadbeef5f0c2a9e7d41b836c0ffee11deadbeef";

ProcessResult cli(const QStringList& args, const QByteArray& input = {})
{
    return runProgram(builtProgram(QStringLiteral("raysec-cli")), args, input);
}

// One node as the simulator itself reports it.
struct SimNode
{
    QString ip;
    bool alive = false;
    bool head = false;
};

// The "IP:" entries openssl reads from a certificate's subjectAltName.
QStringList ipSans(const QString& pemFile)
{
    const ProcessResult r =
        openssl({"x509"_L1, "-in"_L1, pemFile, "-noout"_L1, "-ext"_L1, "subjectAltName"_L1});
    QStringList ips;
    for (const QString& part : QString::fromUtf8(r.out).split(u',')) {
        const QString entry = part.trimmed();
        if (entry.startsWith(QStringLiteral("IP Address:"))) {
            ips << entry.mid(11);
        }
    }
    return ips;
}

} // namespace

class TestCertsProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(secretServiceAvailable(),
                 "This test needs a Secret Service: run it under dbus-run-session with "
                 "gnome-keyring unlocked, as .ci/run does.");
        QVERIFY(QFile::exists(builtProgram(QStringLiteral("raysec-cli"))));
        SimProcess::Options options;
        options.token = clusterToken;
        options.extraArgs = {QStringLiteral("--nodes"), QStringLiteral("30")};
        QString error;
        QVERIFY2(m_sim.start(options, &error), qPrintable(error));
        m_nodes = simNodes();
        QVERIFY(!QTest::currentTestFailed());
    }

    void init() { failOnWarnings(); }

    void issuesForEveryAliveNode()
    {
        ScopedDataDir data;
        addProfile(QStringLiteral("sim"), clusterToken);
        const ProcessResult ca = cli({"certs"_L1, "ca"_L1, "create"_L1, "sim-ca"_L1});
        QVERIFY2(ca.ok(), ca.err);

        const QString out = data.filePath(QStringLiteral("bundles"));
        const ProcessResult issued =
            cli({"certs"_L1, "issue"_L1, "--ca"_L1, "sim-ca"_L1, "--profile"_L1, "sim"_L1,
                 "--out"_L1, out, "--head-name"_L1, "ray-head.example.com"_L1, "--json"_L1});
        QVERIFY2(issued.ok(), issued.err);
        QList<SimNode> alive;
        for (const SimNode& node : m_nodes) {
            if (node.alive) {
                alive << node;
            }
        }
        QVERIFY(alive.size() < m_nodes.size()); // the simulator reports dead nodes too
        const auto json = nlohmann::json::parse(issued.out.toStdString(), nullptr, false);
        QCOMPARE(json["issued"].get<int>(), int(alive.size()));

        // Each bundle covers one alive node's IP; together they cover exactly the alive nodes.
        QMap<QString, QString> bundleOfIp;
        for (const QString& dir : QDir(out).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString bundle = QDir(out).filePath(dir);
            const ProcessResult v =
                openssl({"verify"_L1, "-CAfile"_L1, bundle + "/ca.crt"_L1, bundle + "/tls.crt"_L1});
            QVERIFY2(v.ok(), v.out + v.err);
            QStringList ips = ipSans(bundle + "/tls.crt"_L1);
            ips.removeAll(QStringLiteral("127.0.0.1"));
            QCOMPARE(ips.size(), 1);
            QVERIFY2(!bundleOfIp.contains(ips.first()), qPrintable(ips.first()));
            bundleOfIp.insert(ips.first(), bundle);
        }
        QCOMPARE(bundleOfIp.size(), alive.size());
        for (const SimNode& node : alive) {
            QVERIFY2(bundleOfIp.contains(node.ip), qPrintable(node.ip));
            const QString text = certificateText(bundleOfIp.value(node.ip) + "/tls.crt"_L1);
            QCOMPARE(text.contains(QStringLiteral("DNS:ray-head.example.com")), node.head);
        }

        const ProcessResult list = cli({"certs"_L1, "list"_L1, "--json"_L1});
        QVERIFY(list.ok());
        // The alive nodes and the CA.
        QCOMPARE(nlohmann::json::parse(list.out.toStdString(), nullptr, false).size(),
                 std::size_t(alive.size() + 1));
    }

    void refusedTokenChangesNothing()
    {
        ScopedDataDir data;
        addProfile(QStringLiteral("wrong-token"), QByteArray(64, 'a'));
        const ProcessResult ca = cli({"certs"_L1, "ca"_L1, "create"_L1, "sim-ca"_L1});
        QVERIFY2(ca.ok(), ca.err);
        const ProcessResult before = cli({"certs"_L1, "list"_L1, "--json"_L1});

        const QString out = data.filePath(QStringLiteral("bundles"));
        const ProcessResult issued = cli({"certs"_L1, "issue"_L1, "--ca"_L1, "sim-ca"_L1,
                                          "--profile"_L1, "wrong-token"_L1, "--out"_L1, out});
        QCOMPARE(issued.exitCode, 1);
        QVERIFY2(issued.err.contains("403") || issued.err.contains("token"), issued.err);
        QVERIFY(!issued.err.contains(QByteArray(64, 'a')));
        QVERIFY(!QFileInfo::exists(out));
        QCOMPARE(cli({"certs"_L1, "list"_L1, "--json"_L1}).out, before.out);

        const ProcessResult unknown = cli({"certs"_L1, "issue"_L1, "--ca"_L1, "sim-ca"_L1,
                                           "--profile"_L1, "no-such-profile"_L1, "--out"_L1, out});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains("no-such-profile"), unknown.err);
        QVERIFY(!QFileInfo::exists(out));
    }

    void cleanupTestCase() { QVERIFY(m_sim.stop()); }

private:
    void addProfile(const QString& name, const QByteArray& token)
    {
        const ProcessResult added =
            cli({"profile"_L1, "add"_L1, name, "--url"_L1, m_sim.url().toString(), "--trust"_L1,
                 "ca-bundle"_L1, "--ca-bundle"_L1, m_sim.caFile(), "--auth"_L1, "ray-token"_L1},
                token + '\n');
        QVERIFY2(added.ok(), added.err);
    }

    // The node list straight from the simulator, to compare the bundles with.
    QList<SimNode> simNodes()
    {
        QNetworkAccessManager network;
        QUrl url = m_sim.url().resolved(QUrl(QStringLiteral("/api/v0/nodes")));
        url.setQuery(QUrlQuery{{QStringLiteral("limit"), QStringLiteral("1000")}});
        QNetworkRequest request(url);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(m_sim.caFile()));
        request.setSslConfiguration(ssl);
        request.setRawHeader("Authorization", "Bearer " + clusterToken);
        QNetworkReply* reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] { QVERIFY(finished.wait(15000)); }();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        const QJsonArray rows = body[u"data"_s][u"result"_s][u"result"_s].toArray();
        QList<SimNode> nodes;
        for (const QJsonValue& row : rows) {
            nodes << SimNode{row[u"node_ip"_s].toString(), row[u"state"_s].toString() == u"ALIVE"_s,
                             row[u"is_head_node"_s].toBool()};
        }
        [&] { QCOMPARE(nodes.size(), 30); }();
        return nodes;
    }

    SimProcess m_sim;
    QList<SimNode> m_nodes;
};

QTEST_GUILESS_MAIN(TestCertsProfile)
#include "tst_certsprofile.moc"
