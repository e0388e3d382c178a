#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <optional>

namespace raysec::test {

// Runs the built raysec-sim for a test: a free port, a private state folder (ca.crt lands
// there), a request log, and the token written to its stdin, never to its arguments. The
// destructor stops it.
class SimProcess
{
public:
    struct Options
    {
        bool tls = true;
        QString tlsMode = QStringLiteral("valid");
        std::optional<QByteArray> token;
        QString rayVersion = QStringLiteral("2.53.0");
        QString scenario;
        QStringList extraArgs;
    };

    SimProcess();
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    // Starts the simulator and waits (up to timeoutMs) for its ready line.
    bool start(const Options& options, QString* error, int timeoutMs = 30000);
    // Sends SIGTERM and waits for the exit; true when it exited cleanly with code 0.
    bool stop(int timeoutMs = 10000);

    QUrl url() const { return m_url; }
    QString caFile() const { return m_caFile; }
    QString requestLogFile() const;
    QString stateDir() const { return m_stateDir->path(); }
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    // Everything the simulator wrote to stderr so far.
    QByteArray standardError();

private:
    QStringList arguments(const Options& options) const;
    bool readReadyLine(QString* error, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_stateDir;
    QProcess m_process;
    QUrl m_url;
    QString m_caFile;
    quint16 m_port = 0;
    QByteArray m_stderr;
};

} // namespace raysec::test
