#include "sim/MetaApi.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

namespace raysec::sim {

MetaApi::MetaApi(RayVersion version, bool tokenAuth, std::int64_t startedMs)
    : m_version(version)
    , m_tokenAuth(tokenAuth)
{
    const QDateTime started = QDateTime::fromMSecsSinceEpoch(startedMs, Qt::UTC);
    m_sessionName = QStringLiteral("session_%1_%2")
                        .arg(started.toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss_zzz000")))
                        .arg(QCoreApplication::applicationPid())
                        .toStdString();
}

std::optional<HttpReply> MetaApi::handle(const ApiRequest& request) const
{
    const QString& path = request.path;
    const bool health = path == QLatin1String("/api/healthz") ||
                        path == QLatin1String("/-/healthz") ||
                        path == QLatin1String("/api/gcs_healthz") ||
                        path == QLatin1String("/api/local_raylet_healthz");
    const bool known = health || path == QLatin1String("/api/version") ||
                       path == QLatin1String("/api/authentication_mode") ||
                       path == QLatin1String("/") || path == QLatin1String("/favicon.ico");
    if (!known) {
        return std::nullopt;
    }
    if (!request.isGet() && request.method != QHttpServerRequest::Method::Head) {
        return HttpReply::methodNotAllowed();
    }
    if (health) {
        return HttpReply::text("success", 200);
    }
    if (path == QLatin1String("/api/version")) {
        return version();
    }
    if (path == QLatin1String("/api/authentication_mode")) {
        return authenticationMode();
    }
    if (path == QLatin1String("/favicon.ico")) {
        return HttpReply{200, "image/x-icon", QByteArray(), false};
    }
    return indexPage();
}

HttpReply MetaApi::version() const
{
    const QByteArray commit =
        QCryptographicHash::hash(m_version.toString().toUtf8(), QCryptographicHash::Sha1).toHex();
    return HttpReply::json({{"version", "4"},
                            {"ray_version", m_version.toString().toStdString()},
                            {"ray_commit", commit.toStdString()},
                            {"session_name", m_sessionName}});
}

HttpReply MetaApi::authenticationMode() const
{
    if (!m_version.hasTokenAuth()) {
        return HttpReply::notFound();
    }
    return HttpReply::json({{"authentication_mode", m_tokenAuth ? "token" : "disabled"}});
}

HttpReply MetaApi::indexPage()
{
    return {200, "text/html; charset=utf-8",
            "<!doctype html><html><head><title>Ray Dashboard</title></head>"
            "<body><div id=\"root\">Ray Dashboard (raysec-sim)</div></body></html>",
            false};
}

} // namespace raysec::sim
