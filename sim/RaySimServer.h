#pragma once

#include "sim/AuthGate.h"
#include "sim/BrowserGuard.h"
#include "sim/ClusterModel.h"
#include "sim/ClusterStatusApi.h"
#include "sim/FaultInjector.h"
#include "sim/JobsApi.h"
#include "sim/MetaApi.h"
#include "sim/RequestLog.h"
#include "sim/SimOptions.h"
#include "sim/StateApi.h"

#include <QAbstractHttpServer>

namespace raysec::sim {

// The simulated dashboard's HTTP front: every request passes the browser guard, the token
// check and the fault switches, then goes to the API area that owns its path; the answer is
// logged and sent, after --latency-ms if set. Unknown paths get aiohttp's "404: Not Found".
// A WebSocket upgrade passes the same checks; a log tail that may go ahead is handed to Qt's
// WebSocket server and then followed by a JobLogTail.
class RaySimServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    RaySimServer(const SimOptions& options, ClusterModel& model, AuthGate auth,
                 QObject* parent = nullptr);

    RequestLog& requestLog() { return m_log; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    HttpReply answer(const QHttpServerRequest& request);
    HttpReply route(const QHttpServerRequest& request);
    void send(QHttpServerResponder& responder, const HttpReply& reply);
    void followLogTails();

    ClusterModel& m_model;
    int m_latencyMs;
    AuthGate m_auth;
    BrowserGuard m_guard;
    FaultInjector m_faults;
    MetaApi m_meta;
    StateApi m_state;
    JobsApi m_jobs;
    ClusterStatusApi m_clusterStatus;
    RequestLog m_log;
    // The answer to a refused upgrade, sent by missingHandler() right after handleRequest().
    std::optional<HttpReply> m_upgradeRefusal;
};

} // namespace raysec::sim
