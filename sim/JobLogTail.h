#pragma once

#include "sim/ClusterModel.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <string>

namespace raysec::sim {

// One client following a job's log over a WebSocket, as Ray's log tail does: everything the
// job has logged so far, then each new piece as the job writes it (whole lines, one text frame
// per piece, looked for once a second like Ray's tail loop). Once the job has ended and every
// line is sent, a normal close (1000). The tail deletes itself when the connection ends.
class JobLogTail : public QObject
{
    Q_OBJECT

public:
    // firstPollMs delays the first frame (the simulator's --latency-ms).
    JobLogTail(ClusterModel& model, std::unique_ptr<QWebSocket> socket, int firstPollMs,
               QObject* parent = nullptr);

    // The job id in /api/jobs/<id>/logs/tail; empty for any other path.
    static QString jobIdFromPath(const QString& path);

private:
    void poll();

    ClusterModel& m_model;
    std::unique_ptr<QWebSocket> m_socket;
    std::string m_jobId;
    std::size_t m_sent = 0;
    QTimer m_timer;
};

} // namespace raysec::sim
