#include "sim/JobLogTail.h"

#include <QStringList>

#include <algorithm>

namespace raysec::sim {

namespace {

constexpr int kPollMs = 1000; // Ray's tail loop sleeps a second when there is nothing new

} // namespace

JobLogTail::JobLogTail(ClusterModel& model, std::unique_ptr<QWebSocket> socket, int firstPollMs,
                       QObject* parent)
    : QObject(parent)
    , m_model(model)
    , m_socket(std::move(socket))
    , m_jobId(jobIdFromPath(m_socket->requestUrl().path()).toStdString())
{
    connect(m_socket.get(), &QWebSocket::disconnected, this, &QObject::deleteLater);
    connect(&m_timer, &QTimer::timeout, this, &JobLogTail::poll);
    m_timer.setSingleShot(true);
    m_timer.start(std::max(0, firstPollMs));
}

QString JobLogTail::jobIdFromPath(const QString& path)
{
    static const QLatin1String prefix("/api/jobs/");
    if (!path.startsWith(prefix)) {
        return {};
    }
    const QStringList parts = path.mid(prefix.size()).split(QLatin1Char('/'));
    const bool tail =
        parts.size() == 3 && parts[1] == QLatin1String("logs") && parts[2] == QLatin1String("tail");
    return tail ? parts[0] : QString();
}

void JobLogTail::poll()
{
    // The job may have been deleted since the upgrade; Ray's loop ends then too.
    const SimJob* job = m_jobId.empty() ? nullptr : m_model.findJob(m_jobId);
    if (!job) {
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }

    // Whole lines while the job runs; once it has ended, whatever is left.
    const std::string& logs = job->logs;
    const std::size_t lineEnd = logs.rfind('\n');
    const std::size_t complete = job->isTerminal()              ? logs.size()
                                 : lineEnd == std::string::npos ? 0
                                                                : lineEnd + 1;
    if (complete > m_sent) {
        m_socket->sendTextMessage(QString::fromStdString(logs.substr(m_sent, complete - m_sent)));
        m_sent = complete;
    }

    if (job->isTerminal()) {
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        return;
    }
    m_timer.start(kPollMs);
}

} // namespace raysec::sim
