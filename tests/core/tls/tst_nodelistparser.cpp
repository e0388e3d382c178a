// Node lists in text and CSV form; bad lists are refused as a whole with the line named.

#include "support/TestMain.h"

#include "core/tls/NodeListParser.h"

#include <QTemporaryDir>

using namespace raysec;
using namespace Qt::StringLiterals;

class TestNodeListParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void parsesText()
    {
        auto nodes = tls::NodeListParser::parse(
            "# cluster\n\nhead 10.0.0.1 ray-head.ray.svc.cluster.local role=head\n"
            "w1   10.0.0.2\tw1.internal w1\nw2 fd00::2\n");
        QVERIFY2(nodes, nodes ? "" : qPrintable(nodes.error().text()));
        QCOMPARE(nodes->size(), 3);
        QCOMPARE(nodes->at(0).name, "head"_L1);
        QVERIFY(nodes->at(0).isHead);
        QCOMPARE(nodes->at(1).hostnames, QStringList({"w1.internal"_L1, "w1"_L1}));
        QVERIFY(!nodes->at(1).isHead);
        QCOMPARE(nodes->at(2).ip, "fd00::2"_L1);
        QVERIFY(nodes->at(2).sanEntries().contains("IP:fd00::2"_L1));
    }

    void parsesCsv()
    {
        auto nodes = tls::NodeListParser::parse("name,ip,hostnames,role\n"
                                                "head,10.0.0.1,a.example;b.example,head\n"
                                                "w1,10.0.0.2,,worker\nw2,10.0.0.3\n");
        QVERIFY2(nodes, nodes ? "" : qPrintable(nodes.error().text()));
        QCOMPARE(nodes->size(), 3);
        QCOMPARE(nodes->at(0).hostnames, QStringList({"a.example"_L1, "b.example"_L1}));
        QVERIFY(nodes->at(0).isHead);
        QVERIFY(nodes->at(1).hostnames.isEmpty());
    }

    void headSansIncludeClientNames()
    {
        const tls::NodeEntry head{QStringLiteral("head"),
                                  QStringLiteral("10.0.0.1"),
                                  {QStringLiteral("Head.Local")},
                                  true};
        QCOMPARE(head.sanEntries({QStringLiteral("ray.example.com"), QStringLiteral("head.local")}),
                 QStringList({"IP:127.0.0.1"_L1, "DNS:localhost"_L1, "IP:10.0.0.1"_L1,
                              "DNS:head.local"_L1, "DNS:ray.example.com"_L1}));
        tls::NodeEntry worker = head;
        worker.isHead = false;
        QVERIFY(!worker.sanEntries({QStringLiteral("ray.example.com")})
                     .contains("DNS:ray.example.com"_L1));
    }

    void refusesBadLists_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("# nothing\n\n") << QStringLiteral("empty");
        QTest::newRow("no ip") << QByteArray("head\n") << QStringLiteral("Line 1");
        QTest::newRow("short ipv4") << QByteArray("a 10.1\n") << QStringLiteral("not an IP");
        QTest::newRow("bad ip") << QByteArray("a 10.0.0.1\nb 300.1.1.1\n")
                                << QStringLiteral("Line 2");
        QTest::newRow("hostname with space in csv")
            << QByteArray("a,10.0.0.1,bad host\n") << QStringLiteral("not a valid DNS name");
        QTest::newRow("hostile hostname")
            << QByteArray("a 10.0.0.1 x.example;DNS:evil\n") << QStringLiteral("DNS name");
        QTest::newRow("path in name")
            << QByteArray("../etc 10.0.0.1\n") << QStringLiteral("node name");
        QTest::newRow("duplicate")
            << QByteArray("a 10.0.0.1\nA 10.0.0.2\n") << QStringLiteral("twice");
        QTest::newRow("two heads")
            << QByteArray("a 10.0.0.1 role=head\nb 10.0.0.2 role=head\n") << QStringLiteral("head");
        QTest::newRow("unknown role")
            << QByteArray("a 10.0.0.1 role=boss\n") << QStringLiteral("role");
        QTest::newRow("too many csv fields")
            << QByteArray("a,10.0.0.1,x,head,extra\n") << QStringLiteral("2 to 4 fields");
        QTest::newRow("label too long")
            << QByteArray("a 10.0.0.1 " + QByteArray(64, 'x') + ".example\n")
            << QStringLiteral("DNS name");
        QTest::newRow("not utf-8")
            << QByteArray("a 10.0.0.1 \xff\xfe\n") << QStringLiteral("UTF-8");
        QTest::newRow("scoped ipv6") << QByteArray("a fe80::1%eth0\n") << QStringLiteral("IP");
    }

    void refusesBadLists()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        auto nodes = tls::NodeListParser::parse(text);
        QVERIFY(!nodes);
        QVERIFY2(nodes.error().text().contains(expected), qPrintable(nodes.error().text()));
        QVERIFY(!nodes.error().hint.isEmpty());
    }

    void missingFileIsAnError()
    {
        QTemporaryDir dir;
        auto nodes = tls::NodeListParser::readFile(dir.filePath(QStringLiteral("missing.txt")));
        QVERIFY(!nodes);
        QCOMPARE(nodes.error().code, "file.open"_L1);
    }
};

QTEST_GUILESS_MAIN(TestNodeListParser)
#include "tst_nodelistparser.moc"
