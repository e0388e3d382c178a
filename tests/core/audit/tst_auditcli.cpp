#include "ScenarioServer.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QTcpServer>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace raysec;

// raysec-cli audit end to end against the stand-in dashboard: formats, --fail-on, suppress.
class TstAuditCli : public QObject
{
    Q_OBJECT

    static QString closedPort()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        return QString::number(server.serverPort());
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void scanFailOnAndSuppress()
    {
        test::ScopedDataDir data;
        test::ScenarioServer server(QStringLiteral("token-off-2.52"), {});
        QVERIFY(server.port() != 0);
        QCOMPARE(test::runCli({QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("lab"), QStringLiteral("--url"),
                               QStringLiteral("http://127.0.0.1:%1").arg(server.port())}),
                 0);
        QStringList scan{QStringLiteral("audit"),
                         QStringLiteral("--profile"),
                         QStringLiteral("lab"),
                         QStringLiteral("--ports"),
                         closedPort(),
                         QStringLiteral("--fail-on"),
                         QStringLiteral("critical")};
        QByteArray out;
        QByteArray err;
        QCOMPARE(test::runCli(scan, &out, &err), 3);
        QVERIFY(err.contains("[14/14]"));
        const auto json = nlohmann::json::parse(out.toStdString(), nullptr, false);
        QVERIFY(!json.is_discarded());
        QVERIFY(json["format"] == "raysec-audit-report");
        QCOMPARE(json["findings"].size(), std::size_t(7));

        for (const char* check : {"RAY-1.1", "RAY-5.1"}) {
            QCOMPARE(
                test::runCli({QStringLiteral("audit"), QStringLiteral("suppress"),
                              QStringLiteral("--profile"), QStringLiteral("lab"),
                              QStringLiteral("--check"), QString::fromLatin1(check),
                              QStringLiteral("--reason"), QStringLiteral("isolated lab network"),
                              QStringLiteral("--until"),
                              QDate::currentDate().addDays(30).toString(Qt::ISODate)}),
                0);
        }
        QCOMPARE(test::runCli(scan), 0);
        const QString html = QDir(data.path()).filePath(QStringLiteral("report.html"));
        scan.replaceInStrings(QStringLiteral("critical"), QStringLiteral("high"));
        QCOMPARE(test::runCli(scan + QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                                                 QStringLiteral("--output"), html}),
                 3);
        const QByteArray page = test::readFile(html);
        QVERIFY(page.contains("isolated lab network"));
        QVERIFY(page.contains("RAY-2.1"));
        QByteArray listing;
        QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("history"),
                               QStringLiteral("--profile"), QStringLiteral("lab")},
                              &listing),
                 0);
        QCOMPARE(listing.count('\n'), 3);
        QVERIFY(listing.contains("2.52.0"));
        QByteArray diff;
        QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("diff"),
                               QStringLiteral("--profile"), QStringLiteral("lab")},
                              &diff),
                 0);
        QVERIFY2(diff.contains("Still failing: RAY-1.1, RAY-2.1"), diff.constData());
        for (const QString& line : server.requestLog()) {
            QVERIFY2(line.startsWith(QLatin1String("GET ")), qPrintable(line));
        }
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")};
        QTest::newRow("fail-on") << QStringList{QStringLiteral("--fail-on"),
                                                QStringLiteral("urgent")};
        QTest::newRow("ports") << QStringList{QStringLiteral("--ports"), QStringLiteral("70000")};
        QTest::newRow("no profile") << QStringList{};
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, args);
        test::ScopedDataDir data;
        QStringList all{QStringLiteral("audit")};
        if (!args.isEmpty()) {
            all << QStringLiteral("--profile") << QStringLiteral("lab");
        }
        QCOMPARE(test::runCli(all + args), 2);
    }

    void suppressionNeedsReasonAndDate()
    {
        test::ScopedDataDir data;
        QByteArray err;
        QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("suppress"),
                               QStringLiteral("--profile"), QStringLiteral("lab"),
                               QStringLiteral("--check"), QStringLiteral("RAY-9.1"),
                               QStringLiteral("--until"), QStringLiteral("2099-01-01")},
                              nullptr, &err),
                 1);
        QVERIFY(err.contains("reason"));
        QCOMPARE(test::runCli({QStringLiteral("audit"), QStringLiteral("suppress"),
                               QStringLiteral("--profile"), QStringLiteral("lab"),
                               QStringLiteral("--check"), QStringLiteral("RAY-9.1"),
                               QStringLiteral("--reason"), QStringLiteral("x"),
                               QStringLiteral("--until"), QStringLiteral("2001-01-01")}),
                 1);
    }
};

QTEST_GUILESS_MAIN(TstAuditCli)
#include "tst_auditcli.moc"
