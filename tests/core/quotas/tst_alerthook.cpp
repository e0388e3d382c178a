#include "core/quotas/AlertHook.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace raysec;

class TestAlertHook : public QObject
{
    Q_OBJECT

private:
    static QuotaAlert alert()
    {
        QuotaAlert a;
        a.subject = QStringLiteral("team:ml");
        a.metric = QStringLiteral("CPU");
        a.threshold = 0.8;
        a.value = 8.5;
        a.limit = 10;
        a.raisedAt = QDateTime::fromMSecsSinceEpoch(1764700000000, Qt::UTC);
        return a;
    }

private Q_SLOTS:
    void init() { test::failOnWarnings(); }

    void runsTheCommandWithoutAShell()
    {
        QTemporaryDir dir;
        // An argument a shell would expand; started directly it stays a plain file name.
        const QString target = dir.filePath(QStringLiteral("out $(touch pwned).json"));
        AlertSettings settings;
        settings.command = {QStringLiteral("/usr/bin/tee"), target};
        AlertHook hook(settings);
        QSignalSpy delivered(&hook, &AlertHook::delivered);
        hook.deliver(alert());
        QVERIFY(delivered.wait(10000));
        const QByteArray written = test::readFile(target);
        QVERIFY(written.contains("\"subject\":\"team:ml\""));
        QVERIFY(written.contains("\"limit\":10"));
        QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("pwned"))));
    }

    void reportsAFailingCommand()
    {
        AlertSettings settings;
        settings.command = {QStringLiteral("/bin/false")};
        AlertHook hook(settings);
        QSignalSpy failed(&hook, &AlertHook::failed);
        hook.deliver(alert());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("quotas.command"));
    }

    void postsJsonToTheWebhook()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray request;
        connect(&server, &QTcpServer::newConnection, this, [&server, &request] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &request] {
                request += socket->readAll();
                if (request.contains("\"value\":8.5}")) {
                    socket->write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                }
            });
        });
        AlertSettings settings;
        settings.webhook =
            QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(server.serverPort()));
        AlertHook hook(settings);
        QSignalSpy delivered(&hook, &AlertHook::delivered);
        hook.deliver(alert());
        QVERIFY(delivered.wait(10000));
        QVERIFY(request.startsWith("POST /hook "));
        QVERIFY(request.contains("Content-Type: application/json"));
        QVERIFY(request.contains("\"metric\":\"CPU\""));
    }
};

QTEST_GUILESS_MAIN(TestAlertHook)
#include "tst_alerthook.moc"
