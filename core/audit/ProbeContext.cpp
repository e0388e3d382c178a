#include "core/audit/ProbeContext.h"

#include "core/audit/Redactor.h"

#include <nlohmann/json.hpp>

namespace raysec {

ProbeContext::ProbeContext(ProbeTransport& transport, const AdvisoryDatabase& advisories,
                           ProbeSettings settings)
    : m_transport(transport)
    , m_advisories(advisories)
    , m_settings(std::move(settings))
{
}

const HttpExchange& ProbeContext::get(const QString& path, bool withCredentials)
{
    const QString key = (withCredentials ? QStringLiteral("A ") : QStringLiteral("- ")) + path;
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        it = m_cache.insert(key, m_transport.fetch("GET", path, withCredentials));
    }
    return *it;
}

Evidence ProbeContext::evidenceOf(const QByteArray& method, const QString& path,
                                  const HttpExchange& exchange)
{
    return Evidence{QString::fromLatin1(method) + QLatin1Char(' ') + path, exchange.status,
                    exchange.status == 0 ? exchange.error : Redactor::excerpt(exchange.body)};
}

Evidence ProbeContext::evidence(const QString& path, bool withCredentials)
{
    Evidence e = evidenceOf("GET", path, get(path, withCredentials));
    if (withCredentials) {
        e.request += QStringLiteral(" (with the profile's credentials)");
    }
    return e;
}

QString ProbeContext::rayVersionText()
{
    const HttpExchange& answer = get(QStringLiteral("/api/version"), true);
    if (answer.status != 200) {
        return {};
    }
    const auto json = nlohmann::json::parse(answer.body.begin(), answer.body.end(), nullptr, false);
    if (!json.is_object() || !json.contains("ray_version") || !json["ray_version"].is_string()) {
        return {};
    }
    return QString::fromStdString(json["ray_version"].get<std::string>()).left(64);
}

std::optional<RayVersion> ProbeContext::rayVersion()
{
    return RayVersion::parse(rayVersionText());
}

TokenAuthState ProbeContext::tokenAuth()
{
    const HttpExchange& answer = get(QStringLiteral("/api/authentication_mode"), false);
    if (answer.status == 404) {
        return TokenAuthState::NotSupported;
    }
    const auto json = nlohmann::json::parse(answer.body.begin(), answer.body.end(), nullptr, false);
    if (answer.status != 200 || !json.is_object()) {
        return TokenAuthState::Unknown;
    }
    const std::string mode = json.value("authentication_mode", std::string());
    if (mode == "token") {
        return TokenAuthState::Token;
    }
    return mode == "disabled" ? TokenAuthState::Disabled : TokenAuthState::Unknown;
}

const TlsSnapshot& ProbeContext::tls()
{
    if (!m_tls) {
        m_tls = m_transport.inspectTls();
    }
    return *m_tls;
}

} // namespace raysec
