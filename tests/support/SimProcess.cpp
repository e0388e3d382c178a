#include "support/SimProcess.h"

#include "support/TestSupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace raysec::test {

SimProcess::SimProcess()
    : m_stateDir(std::make_unique<QTemporaryDir>())
{
}

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString SimProcess::requestLogFile() const
{
    return m_stateDir->filePath(QStringLiteral("requests.jsonl"));
}

QStringList SimProcess::arguments(const Options& options) const
{
    QStringList args = {QStringLiteral("--port"),        QStringLiteral("0"),
                        QStringLiteral("--state-dir"),   m_stateDir->path(),
                        QStringLiteral("--request-log"), requestLogFile()};
    if (!options.scenario.isEmpty()) {
        args << QStringLiteral("--scenario") << options.scenario;
    }
    if (!options.rayVersion.isEmpty()) {
        args << QStringLiteral("--ray-version") << options.rayVersion;
    }
    if (options.tls) {
        args << QStringLiteral("--tls-mode") << options.tlsMode;
    } else {
        args << QStringLiteral("--http");
    }
    if (options.token) {
        args << QStringLiteral("--token-stdin");
    }
    return args + options.extraArgs;
}

bool SimProcess::start(const Options& options, QString* error, int timeoutMs)
{
    m_process.setProgram(builtProgram(QStringLiteral("raysec-sim")));
    m_process.setArguments(arguments(options));
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        *error = QStringLiteral("raysec-sim did not start: ") + m_process.errorString();
        return false;
    }
    if (options.token) {
        m_process.write(*options.token + '\n');
    }
    m_process.closeWriteChannel();
    return readReadyLine(error, timeoutMs);
}

bool SimProcess::readReadyLine(QString* error, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()) {
            *error = QStringLiteral("raysec-sim gave no ready line: ") +
                     QString::fromUtf8(standardError());
            return false;
        }
        m_process.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 200)));
    }
    const QJsonObject ready = QJsonDocument::fromJson(m_process.readLine()).object();
    m_url = QUrl(ready.value(QStringLiteral("url")).toString());
    m_caFile = ready.value(QStringLiteral("ca")).toString();
    m_port = quint16(ready.value(QStringLiteral("port")).toInt());
    if (!m_url.isValid() || m_port == 0) {
        *error = QStringLiteral("raysec-sim printed an unreadable ready line");
        return false;
    }
    return true;
}

bool SimProcess::stop(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

QByteArray SimProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

} // namespace raysec::test
