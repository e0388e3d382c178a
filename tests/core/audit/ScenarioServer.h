#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace raysec::test {

// Runs tests/core/audit/scenario_server.py (a stand-in Ray dashboard) for one scenario and
// stops it when destroyed. requestLog() lists "METHOD path" per request it received.
class ScenarioServer
{
public:
    ScenarioServer(const QString& scenario, const QStringList& extraArguments, int openPorts = 0)
    {
        m_log = m_dir.filePath(QStringLiteral("requests.log"));
        QStringList args{QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/audit/scenario_server.py"),
                         QStringLiteral("--scenario"),
                         scenario,
                         QStringLiteral("--request-log"),
                         m_log,
                         QStringLiteral("--open-ports"),
                         QString::number(openPorts)};
        m_process.start(QStringLiteral("/usr/bin/python3"), args + extraArguments);
        if (!m_process.waitForReadyRead(15000)) {
            return;
        }
        const QJsonObject info = QJsonDocument::fromJson(m_process.readLine()).object();
        m_port = quint16(info.value(QStringLiteral("port")).toInt());
        for (const QJsonValue& v : info.value(QStringLiteral("openPorts")).toArray()) {
            m_openPorts.append(quint16(v.toInt()));
        }
    }

    ~ScenarioServer()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    quint16 port() const { return m_port; }
    QList<quint16> openPorts() const { return m_openPorts; }

    QStringList requestLog() const
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private:
    QTemporaryDir m_dir;
    QString m_log;
    QProcess m_process;
    quint16 m_port = 0;
    QList<quint16> m_openPorts;
};

} // namespace raysec::test
