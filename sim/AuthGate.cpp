#include "sim/AuthGate.h"

namespace raysec::sim {

namespace {

constexpr QByteArrayView kCookieName = "ray-authentication-token";

std::optional<QByteArray> bearer(const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.size() > 7 && trimmed.first(7).compare("bearer ", Qt::CaseInsensitive) == 0) {
        return trimmed.mid(7).trimmed();
    }
    return trimmed; // present but not a bearer token: counts as a wrong token
}

} // namespace

AuthGate::AuthGate(SecretBuffer token)
    : m_token(std::move(token))
{
}

bool AuthGate::isExempt(const QString& path)
{
    static const QStringList exact = {QStringLiteral("/"),
                                      QStringLiteral("/favicon.ico"),
                                      QStringLiteral("/api/authentication_mode"),
                                      QStringLiteral("/api/authenticate"),
                                      QStringLiteral("/api/healthz"),
                                      QStringLiteral("/api/gcs_healthz"),
                                      QStringLiteral("/api/local_raylet_healthz"),
                                      QStringLiteral("/-/healthz")};
    return exact.contains(path) || path.startsWith(QLatin1String("/static/"));
}

QByteArray AuthGate::headerValue(const QHttpServerRequest& request, QByteArrayView name)
{
    for (const auto& [key, value] : request.headers()) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

std::optional<QByteArray> AuthGate::presentedToken(const QHttpServerRequest& request)
{
    for (const QByteArrayView name :
         {QByteArrayView("authorization"), QByteArrayView("x-ray-authorization")}) {
        const QByteArray value = headerValue(request, name);
        if (!value.isNull()) {
            return bearer(value);
        }
    }
    const QByteArray cookies = headerValue(request, "cookie");
    for (const QByteArray& cookie : cookies.split(';')) {
        const qsizetype equals = cookie.indexOf('=');
        if (equals > 0 && cookie.first(equals).trimmed() == kCookieName) {
            return cookie.mid(equals + 1).trimmed();
        }
    }
    return std::nullopt;
}

std::optional<HttpReply> AuthGate::check(const QHttpServerRequest& request,
                                         const QString& path) const
{
    if (!enabled() || isExempt(path)) {
        return std::nullopt;
    }
    std::optional<QByteArray> presented = presentedToken(request);
    if (!presented || presented->isEmpty()) {
        return HttpReply::text("Unauthorized: Missing authentication token", 401);
    }
    const SecretBuffer candidate(presented->constData(), std::size_t(presented->size()));
    presented->fill('\0');
    if (!candidate.equals(m_token)) {
        return HttpReply::text("Forbidden: Invalid authentication token", 403);
    }
    return std::nullopt;
}

} // namespace raysec::sim
