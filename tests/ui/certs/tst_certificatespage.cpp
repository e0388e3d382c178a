// CertificatesPage offscreen, on certificates issued through core/tls into a private store: the
// inventory with fingerprints, SANs and expiry checked against what openssl reads from the
// bundles, rows coloured by time left, the expiry warning, export and renew verified with
// openssl, and bad input that shows a banner and changes nothing.

#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/tls/BatchIssuer.h"
#include "core/tls/CaStore.h"
#include "core/tls/CertificateInventory.h"
#include "ui/ConsoleContext.h"
#include "ui/certs/CertificateInventoryModel.h"
#include "ui/certs/CertificatesPage.h"
#include "ui/widgets/ErrorBanner.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace raysec;
using namespace raysec::ui;
using namespace Qt::StringLiterals;

namespace {

struct OpenSslRun
{
    int exitCode = -1;
    QString output;
};

OpenSslRun openssl(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit) {
        return {-1, QStringLiteral("openssl did not finish")};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAll()).trimmed()};
}

// What openssl itself reads from a PEM certificate file, to compare with what the page shows.
struct OpenSslFacts
{
    QString fingerprint; // colon-separated upper-case hex
    QStringList sans;    // "IP:..." and "DNS:..."
    QDateTime notAfter;
};

OpenSslFacts factsOf(const QString& pemFile)
{
    OpenSslFacts facts;
    const OpenSslRun fp =
        openssl({"x509"_L1, "-in"_L1, pemFile, "-noout"_L1, "-fingerprint"_L1, "-sha256"_L1});
    facts.fingerprint = fp.output.section(u'=', 1).trimmed();
    const OpenSslRun san =
        openssl({"x509"_L1, "-in"_L1, pemFile, "-noout"_L1, "-ext"_L1, "subjectAltName"_L1});
    const QString names = san.output.section(u'\n', 1).trimmed();
    for (QString name : names.split(QStringLiteral(", "), Qt::SkipEmptyParts)) {
        facts.sans << name.replace(QStringLiteral("IP Address:"), QStringLiteral("IP:"));
    }
    const OpenSslRun end = openssl(
        {"x509"_L1, "-in"_L1, pemFile, "-noout"_L1, "-enddate"_L1, "-dateopt"_L1, "iso_8601"_L1});
    facts.notAfter = QDateTime::fromString(end.output.section(u'=', 1).trimmed(),
                                           QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    facts.notAfter.setTimeSpec(Qt::UTC);
    return facts;
}

QString shortTime(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

// A node certificate that started `ageDays` ago and lasts `validityDays` in all.
struct NodeSpec
{
    QString name;
    QString ip;
    int ageDays;
    int validityDays;
};

const QList<NodeSpec> nodeSpecs = {
    {QStringLiteral("expired-node"), QStringLiteral("10.9.0.1"), 100, 90},
    {QStringLiteral("week-node"), QStringLiteral("10.9.0.2"), 87, 90},
    {QStringLiteral("month-node"), QStringLiteral("10.9.0.3"), 70, 90},
    {QStringLiteral("healthy-node"), QStringLiteral("10.9.0.4"), 0, 365},
};

} // namespace

class TestCertificatesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "run under dbus-run-session with gnome-keyring (see docs/certificates.md)");
        auto db = Database::open(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
        m_bundles = m_dir.filePath(QStringLiteral("bundles"));
        storeCa(m_caName);
        QVERIFY(!QTest::currentTestFailed());
        for (const NodeSpec& spec : nodeSpecs) {
            issue(m_caName, spec);
            QVERIFY(!QTest::currentTestFailed());
        }
    }

    void init() { raysec::test::failOnWarnings(); }

    void listsIssuedCertificates()
    {
        CertificatesPage page(*m_context);
        CertificateInventoryModel* model = page.model();
        QCOMPARE(model->rowCount(), int(nodeSpecs.size()) + 1); // the nodes and the CA
        for (const NodeSpec& spec : nodeSpecs) {
            const OpenSslFacts facts = factsOf(bundleFile(spec.name, "tls.crt"));
            QVERIFY2(!facts.fingerprint.isEmpty() && facts.notAfter.isValid(),
                     qPrintable(spec.name));
            const int row = model->rowOf(facts.fingerprint);
            QVERIFY2(row >= 0, qPrintable(spec.name));
            QCOMPARE(cell(model, row, CertificateInventoryModel::NameColumn), spec.name);
            QCOMPARE(cell(model, row, CertificateInventoryModel::NodeColumn), spec.name);
            QCOMPARE(cell(model, row, CertificateInventoryModel::CaColumn), m_caName);
            QCOMPARE(cell(model, row, CertificateInventoryModel::ExpiresColumn),
                     shortTime(facts.notAfter));
            const qint64 secondsLeft = QDateTime::currentDateTimeUtc().secsTo(facts.notAfter);
            QCOMPARE(cell(model, row, CertificateInventoryModel::DaysLeftColumn),
                     QString::number(secondsLeft / 86400));

            page.table()->selectRow(row);
            const QString details = page.details()->text();
            QVERIFY2(details.contains(facts.fingerprint), qPrintable(details));
            QVERIFY(facts.sans.contains(QStringLiteral("IP:") + spec.ip));
            QVERIFY(facts.sans.contains(QStringLiteral("DNS:localhost")));
            for (const QString& san : facts.sans) {
                QVERIFY2(details.contains(san), qPrintable(san + u'\n' + details));
            }
            QVERIFY(page.renewButton()->isEnabled());
        }
    }

    void rowsAreColouredByTimeLeft()
    {
        CertificatesPage page(*m_context);
        const CertificateInventoryModel* model = page.model();
        QMap<QString, QVariant> background;
        QMap<QString, QString> toolTip;
        for (const NodeSpec& spec : nodeSpecs) {
            const int row = rowOfNode(model, spec.name);
            QVERIFY(row >= 0);
            for (int column = 0; column < CertificateInventoryModel::ColumnCount; ++column) {
                const QModelIndex index = model->index(row, column);
                QCOMPARE(index.data(Qt::BackgroundRole),
                         model->index(row, 0).data(Qt::BackgroundRole));
            }
            background.insert(spec.name, model->index(row, 0).data(Qt::BackgroundRole));
            toolTip.insert(spec.name, model->index(row, 0).data(Qt::ToolTipRole).toString());
        }

        // No colour while nothing is near; amber within 30 days, red within 7, dark red after.
        QVERIFY(!background.value(u"healthy-node"_s).isValid());
        const QColor amber = background.value(u"month-node"_s).value<QColor>();
        const QColor red = background.value(u"week-node"_s).value<QColor>();
        const QColor darkRed = background.value(u"expired-node"_s).value<QColor>();
        QVERIFY(amber.isValid() && red.isValid() && darkRed.isValid());
        QVERIFY2(amber.hue() >= 30 && amber.hue() <= 60, qPrintable(amber.name()));
        QVERIFY2(red.hue() <= 15 || red.hue() >= 345, qPrintable(red.name()));
        QVERIFY2(darkRed.hue() <= 15 || darkRed.hue() >= 345, qPrintable(darkRed.name()));
        QVERIFY(darkRed.lightness() < red.lightness());
        QVERIFY(amber != red && red != darkRed);

        QCOMPARE(toolTip.value(u"healthy-node"_s), QStringLiteral("valid"));
        QVERIFY(toolTip.value(u"month-node"_s).contains(QStringLiteral("30 days")));
        QVERIFY(toolTip.value(u"week-node"_s).contains(QStringLiteral("7 days")));
        QCOMPARE(toolTip.value(u"expired-node"_s), QStringLiteral("expired"));
        const QModelIndex ca = model->index(rowOfCa(model, m_caName), 0);
        QVERIFY(!ca.data(Qt::BackgroundRole).isValid());
        QCOMPARE(model->index(ca.row(), CertificateInventoryModel::NodeColumn).data().toString(),
                 QStringLiteral("(CA)"));
    }

    void warningNamesTheSoonExpiring()
    {
        CertificatesPage page(*m_context);
        const ErrorBanner* warning = page.expiryWarning();
        QVERIFY(!warning->isHidden());
        const QString message = warning->message();
        QVERIFY2(message.startsWith(QStringLiteral("3 certificate")), qPrintable(message));
        for (const char* name : {"expired-node", "week-node", "month-node"}) {
            QVERIFY2(message.contains(QLatin1String(name)), qPrintable(message));
        }
        QVERIFY2(!message.contains(QStringLiteral("healthy-node")), qPrintable(message));
        QVERIFY(!warning->detail().isEmpty());
        QVERIFY(page.banner()->isHidden());
    }

    void exportsTheSelectedCertificate()
    {
        CertificatesPage page(*m_context);
        QTemporaryDir out;
        page.table()->selectRow(rowOfNode(page.model(), QStringLiteral("healthy-node")));
        const QString leaf = out.filePath(QStringLiteral("healthy-node.crt"));
        page.exportSelected(leaf);
        QVERIFY2(page.banner()->isHidden(), qPrintable(page.banner()->message()));
        QCOMPARE(factsOf(leaf).fingerprint,
                 factsOf(bundleFile(QStringLiteral("healthy-node"), "tls.crt")).fingerprint);
        const OpenSslRun verified = openssl({"verify"_L1, "-CAfile"_L1, caChain(m_caName), leaf});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));

        // A CA is exported as a truststore that openssl uses to verify a node certificate.
        page.table()->selectRow(rowOfCa(page.model(), m_caName));
        QVERIFY(!page.renewButton()->isEnabled());
        const QString trust = out.filePath(QStringLiteral("trust.pem"));
        page.exportSelected(trust);
        QVERIFY2(page.banner()->isHidden(), qPrintable(page.banner()->message()));
        QVERIFY(!test::readFile(trust).contains("PRIVATE KEY"));
        const OpenSslRun trusted = openssl({"verify"_L1, "-CAfile"_L1, trust, leaf});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.output));
    }

    void exportToAnUnwritablePathChangesNothing()
    {
        CertificatesPage page(*m_context);
        QTemporaryDir out;
        // A regular file as the parent folder: not writable even for root.
        const QString blocker = out.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
        file.close();
        const QString target = blocker + QStringLiteral("/healthy-node.crt");
        const QStringList before = inventoryFingerprints();

        page.table()->selectRow(rowOfNode(page.model(), QStringLiteral("healthy-node")));
        page.exportSelected(target);
        QVERIFY(!page.banner()->isHidden());
        QVERIFY2(page.banner()->message().contains(QStringLiteral("not-a-folder")),
                 qPrintable(page.banner()->message()));
        QVERIFY(!page.banner()->detail().isEmpty());
        QVERIFY(!QFile::exists(target));
        QCOMPARE(test::readFile(blocker), QByteArray("x"));
        QCOMPARE(inventoryFingerprints(), before);

        // The next good export clears the banner.
        page.exportSelected(out.filePath(QStringLiteral("good.crt")));
        QVERIFY(page.banner()->isHidden());
    }

    void renewIssuesUnderTheSameCa()
    {
        CertificatesPage page(*m_context);
        const QString node = QStringLiteral("week-node");
        const QString certFile = bundleFile(node, "tls.crt");
        const OpenSslFacts old = factsOf(certFile);
        const int count = page.model()->rowCount();
        page.table()->selectRow(page.model()->rowOf(old.fingerprint));

        QSignalSpy finished(&page, &CertificatesPage::renewFinished);
        QVERIFY(page.renewButton()->isEnabled());
        QTest::mouseClick(page.renewButton(), Qt::LeftButton);
        QVERIFY(page.isRenewing() || !finished.isEmpty());
        QVERIFY(finished.wait(30000) || !finished.isEmpty());
        QVERIFY2(page.banner()->isHidden(), qPrintable(page.banner()->message()));

        // The bundle holds a new certificate, for the new key, that the same CA verifies.
        const OpenSslFacts renewed = factsOf(certFile);
        QVERIFY(!renewed.fingerprint.isEmpty());
        QVERIFY(renewed.fingerprint != old.fingerprint);
        QCOMPARE(renewed.sans, old.sans);
        const qint64 daysLeft = QDateTime::currentDateTimeUtc().secsTo(renewed.notAfter) / 86400;
        QVERIFY2(daysLeft >= 88 && daysLeft <= 90, qPrintable(QString::number(daysLeft)));
        const OpenSslRun verified =
            openssl({"verify"_L1, "-CAfile"_L1, caChain(m_caName), certFile});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));
        QCOMPARE(publicKeyOf({"x509"_L1, "-in"_L1, certFile, "-noout"_L1, "-pubkey"_L1}),
                 publicKeyOf({"pkey"_L1, "-in"_L1, bundleFile(node, "tls.key"), "-pubout"_L1}));

        // It appears in the inventory, selected, and the warning no longer names the node.
        QCOMPARE(page.model()->rowCount(), count + 1);
        const int row = page.model()->rowOf(renewed.fingerprint);
        QVERIFY(row >= 0);
        QCOMPARE(page.table()->currentIndex().row(), row);
        QCOMPARE(page.model()->entry(row).caName, m_caName);
        QCOMPARE(page.model()->entry(row).bundleDir, QDir(m_bundles).filePath(node));
        QVERIFY(page.details()->text().contains(renewed.fingerprint));
        QVERIFY(page.model()->rowOf(old.fingerprint) >= 0);
        QVERIFY(page.model()->isSuperseded(page.model()->rowOf(old.fingerprint)));
        QVERIFY2(!page.expiryWarning()->message().contains(node),
                 qPrintable(page.expiryWarning()->message()));
        QVERIFY(page.expiryWarning()->message().contains(QStringLiteral("month-node")));
    }

    void renewWithoutTheCaKeyChangesNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("passphrase gone from the keychain")
            << QStringLiteral("passphrase") << QStringLiteral("keychain");
        QTest::newRow("signing key file gone")
            << QStringLiteral("key") << QStringLiteral("signing.key");
        QTest::newRow("CA never stored")
            << QStringLiteral("unknown") << QStringLiteral("no CA called");
    }

    void renewWithoutTheCaKeyChangesNothing()
    {
        QFETCH(QString, damage);
        QFETCH(QString, reason);
        const QString caName = QStringLiteral("broken-") + damage;
        const NodeSpec spec{QStringLiteral("orphan-") + damage, QStringLiteral("10.9.1.1"), 0, 30};
        storeCa(caName);
        issue(caName, spec);
        QVERIFY(!QTest::currentTestFailed());
        damageCa(caName, damage);
        QVERIFY(!QTest::currentTestFailed());

        CertificatesPage page(*m_context);
        const QStringList before = inventoryFingerprints();
        const QByteArray cert = test::readFile(bundleFile(spec.name, "tls.crt"));
        const QByteArray key = test::readFile(bundleFile(spec.name, "tls.key"));
        page.table()->selectRow(rowOfNode(page.model(), spec.name));
        QSignalSpy finished(&page, &CertificatesPage::renewFinished);
        QTest::mouseClick(page.renewButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000) || !finished.isEmpty());

        QVERIFY(!page.banner()->isHidden());
        const QString message = page.banner()->message();
        QVERIFY2(message.contains(spec.name + QStringLiteral(" was not renewed")) &&
                     message.contains(caName + QStringLiteral(" cannot sign")),
                 qPrintable(message));
        QVERIFY2(message.contains(reason, Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(!page.banner()->detail().isEmpty());
        QVERIFY(!page.isRenewing());
        QVERIFY(page.renewButton()->isEnabled()); // it can be tried again once fixed
        QCOMPARE(inventoryFingerprints(), before);
        QCOMPARE(page.model()->rowCount(), int(before.size()));
        QCOMPARE(test::readFile(bundleFile(spec.name, "tls.crt")), cert);
        QCOMPARE(test::readFile(bundleFile(spec.name, "tls.key")), key);
    }

private:
    static QString cell(const CertificateInventoryModel* model, int row, int column)
    {
        return model->index(row, column).data(Qt::DisplayRole).toString();
    }

    static int rowOfNode(const CertificateInventoryModel* model, const QString& node)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entry(row).nodeName == node && !model->isSuperseded(row)) {
                return row;
            }
        }
        return -1;
    }

    static int rowOfCa(const CertificateInventoryModel* model, const QString& ca)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->entry(row).isCa && model->entry(row).caName == ca) {
                return row;
            }
        }
        return -1;
    }

    static QString publicKeyOf(const QStringList& arguments)
    {
        const OpenSslRun run = openssl(arguments);
        return run.exitCode == 0 ? run.output : QString();
    }

    QString bundleFile(const QString& node, const char* file) const
    {
        return QDir(QDir(m_bundles).filePath(node)).filePath(QLatin1String(file));
    }

    QString caChain(const QString& name)
    {
        return QDir(tls::CaStore(m_keychain).folder(name)).filePath(QStringLiteral("chain.crt"));
    }

    QStringList inventoryFingerprints() const
    {
        tls::CertificateInventory inventory(*m_db);
        auto entries = inventory.list();
        QStringList fingerprints;
        for (const tls::InventoryEntry& entry : entries.value_or(QList<tls::InventoryEntry>{})) {
            fingerprints << entry.fingerprint;
        }
        fingerprints.sort();
        return fingerprints;
    }

    // A new CA in the CaStore (key encrypted, passphrase in the keychain) and in the inventory.
    void storeCa(const QString& name)
    {
        auto ca = tls::CertificateAuthority::create({});
        QVERIFY2(ca, qPrintable(ca ? QString() : ca.error().text()));
        tls::CaStore store(m_keychain);
        std::optional<Result<void>> saved;
        store.save(name, *ca, this, [&saved](Result<void> result) { saved = result; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 15000);
        QVERIFY2(*saved, qPrintable(saved->has_value() ? QString() : saved->error().text()));
        tls::CertificateInventory inventory(*m_db);
        QVERIFY(inventory.migrate());
        QVERIFY(inventory.record({tls::CertificateInventory::entryFor(ca->root(), name, {}, {})}));
        m_cas.insert(name, std::move(*ca));
    }

    // Issues one node under a stored CA into its bundle folder and records it, as the wizard
    // and `certs issue` do.
    void issue(const QString& caName, const NodeSpec& spec)
    {
        tls::IssueSettings settings;
        settings.validityDays = spec.validityDays;
        settings.notBefore = QDateTime::currentDateTimeUtc().addDays(-spec.ageDays).addSecs(-60);
        const tls::NodeEntry node{spec.name, spec.ip, {}, false};
        const tls::BatchResult result = tls::BatchIssuer::run(m_cas.value(caName), {node}, settings,
                                                              m_bundles, tls::BundleOptions{});
        QVERIFY2(result.succeeded(), qPrintable(result.error ? result.error->text() : QString()));
        QCOMPARE(result.issued.size(), 1);
        tls::CertificateInventory inventory(*m_db);
        QVERIFY(inventory.record(
            {tls::CertificateInventory::entryFor(result.issued.first().certificate, caName,
                                                 spec.name, QDir(m_bundles).filePath(spec.name))}));
    }

    void damageCa(const QString& name, const QString& damage)
    {
        tls::CaStore store(m_keychain);
        if (damage == u"key") {
            QVERIFY(
                QFile::remove(QDir(store.folder(name)).filePath(QStringLiteral("signing.key"))));
        } else if (damage == u"passphrase") {
            std::optional<Result<void>> removed;
            m_keychain.remove(tls::CaStore::keychainService(name),
                              QString::fromLatin1(tls::CaStore::passphraseEntry), this,
                              [&removed](Result<void> result) { removed = result; });
            QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
            QVERIFY(*removed);
        } else {
            QVERIFY(QDir(store.folder(name)).removeRecursively());
        }
    }

    raysec::test::ScopedDataDir m_dir;
    Keychain m_keychain;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConsoleContext> m_context;
    QString m_caName = QStringLiteral("page-ca");
    QString m_bundles;
    QMap<QString, tls::CertificateAuthority> m_cas;
};

QTEST_MAIN(TestCertificatesPage)
#include "tst_certificatespage.moc"
