#include "OpenSslServer.h"

#include <QDeadlineTimer>
#include <QTcpServer>

namespace raysec::test {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

OpenSslServer::~OpenSslServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool OpenSslServer::start(const QString& root, const QString& cert, const QString& key,
                          QString* error, const QStringList& extraArgs)
{
    m_port = freeLoopbackPort();
    m_process.setWorkingDirectory(root);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("openssl"),
                    QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"),
                                QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("-cert"),
                                cert, QStringLiteral("-key"), key, QStringLiteral("-HTTP")} +
                        extraArgs);
    // s_server prints ACCEPT once it listens.
    QByteArray output;
    const QDeadlineTimer deadline(20000);
    while (!output.contains("ACCEPT") && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            break;
        }
        output += m_process.readAll();
    }
    if (!output.contains("ACCEPT")) {
        *error = QStringLiteral("s_server did not start: ") + QString::fromUtf8(output);
        return false;
    }
    return true;
}

} // namespace raysec::test
