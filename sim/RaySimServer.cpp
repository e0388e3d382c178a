#include "sim/RaySimServer.h"

#include "sim/JobLogTail.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace raysec::sim {

namespace {

// The test Qt 6.4 applies before it hands a connection to its WebSocket server: an HTTP
// upgrade (Connection: upgrade) to "websocket".
bool isWebSocketUpgrade(const QHttpServerRequest& request)
{
    const QByteArray upgrade = AuthGate::headerValue(request, "upgrade").trimmed();
    if (upgrade.compare("websocket", Qt::CaseInsensitive) != 0) {
        return false;
    }
    const QByteArray connection = AuthGate::headerValue(request, "connection");
    for (const QByteArray& token : connection.split(',')) {
        if (token.trimmed().compare("upgrade", Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

RaySimServer::RaySimServer(const SimOptions& options, ClusterModel& model, AuthGate auth,
                           QObject* parent)
    : QAbstractHttpServer(parent)
    , m_model(model)
    , m_latencyMs(options.latencyMs)
    , m_auth(std::move(auth))
    , m_guard(options.rayVersion)
    , m_faults(options)
    , m_meta(options.rayVersion, m_auth.enabled(), QDateTime::currentMSecsSinceEpoch())
    , m_state(model)
    , m_jobs(model)
    , m_clusterStatus(model)
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this,
            &RaySimServer::followLogTails);
}

bool RaySimServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const HttpReply reply = answer(request);
    m_log.record(request, reply.status);

    if (isWebSocketUpgrade(request)) {
        // Qt 6.4 gives the connection to its WebSocket server when this returns true without
        // writing anything; otherwise it calls missingHandler() and then closes the
        // connection, so a refusal cannot wait for --latency-ms.
        if (reply.status == 101) {
            return true;
        }
        m_upgradeRefusal = reply;
        return false;
    }

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (m_latencyMs <= 0) {
        send(*responder, reply);
        return true;
    }
    // The socket may be gone by the time the delay is over (the client gave up).
    QPointer<QTcpSocket> alive(socket);
    QTimer::singleShot(m_latencyMs, this, [this, responder, reply, alive] {
        if (alive) {
            send(*responder, reply);
        }
    });
    return true;
}

void RaySimServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(responder, m_upgradeRefusal.value_or(HttpReply::notFound()));
    m_upgradeRefusal.reset();
}

void RaySimServer::followLogTails()
{
    while (std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection()) {
        new JobLogTail(m_model, std::move(socket), m_latencyMs, this);
    }
}

HttpReply RaySimServer::answer(const QHttpServerRequest& request)
{
    if (m_guard.blocks(request)) {
        return HttpReply::text("Method Not Allowed for browser traffic.", 405);
    }
    const QString path = request.url().path();
    if (std::optional<HttpReply> refused = m_auth.check(request, path)) {
        return *refused;
    }
    if (std::optional<HttpReply> failed = m_faults.injectError(path)) {
        return *failed;
    }
    HttpReply reply = route(request);
    m_faults.mangle(reply);
    return reply;
}

HttpReply RaySimServer::route(const QHttpServerRequest& request)
{
    ApiRequest api;
    api.method = request.method();
    api.path = request.url().path();
    api.query = request.query();
    api.body = request.body();
    api.nowMs = QDateTime::currentMSecsSinceEpoch();
    api.webSocketUpgrade = isWebSocketUpgrade(request);

    if (std::optional<HttpReply> reply = m_meta.handle(api)) {
        return *reply;
    }
    if (std::optional<HttpReply> reply = m_state.handle(api)) {
        return *reply;
    }
    if (std::optional<HttpReply> reply = m_clusterStatus.handle(api)) {
        return *reply;
    }
    if (std::optional<HttpReply> reply = m_jobs.handle(api)) {
        return *reply;
    }
    return HttpReply::notFound();
}

void RaySimServer::send(QHttpServerResponder& responder, const HttpReply& reply)
{
    responder.write(reply.body, reply.contentType,
                    static_cast<QHttpServerResponder::StatusCode>(reply.status));
}

} // namespace raysec::sim
