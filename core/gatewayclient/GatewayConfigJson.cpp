// GatewayConfig to and from gateway.json; the field rules are in GatewayConfig.cpp.

#include "core/gatewayclient/GatewayConfig.h"

#include <QCoreApplication>

#include <limits>
#include <set>

namespace raysec {

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayConfig)
};

std::unexpected<Error> badJson(const QString& field, const QString& why)
{
    return fail(QStringLiteral("gateway.config-json"),
                Text::tr("gateway.json, %1: %2.").arg(field, why),
                Text::tr("Fix the file or write it again with raysec-cli gateway config."));
}

std::string utf8(const QString& text)
{
    return text.toStdString();
}

ordered bucketJson(const GatewayBucket& bucket)
{
    return {{"rate", bucket.rate}, {"burst", bucket.burst}};
}

Result<GatewayBucket> bucketFrom(const json& j, const QString& field)
{
    if (!j.is_object() || j.size() != 2 || !j.contains("rate") || !j.contains("burst") ||
        !j["rate"].is_number() || !j["burst"].is_number()) {
        return badJson(field, Text::tr("needs exactly a numeric rate and burst"));
    }
    return GatewayBucket{j["rate"].get<double>(), j["burst"].get<double>()};
}

Result<GatewayRateLimits> rateLimitsFrom(const json& j)
{
    GatewayRateLimits limits;
    if (!j.is_object()) {
        return badJson(QStringLiteral("rateLimits"), Text::tr("must be an object"));
    }
    if (j.contains("shadow")) {
        if (!j["shadow"].is_boolean()) {
            return badJson(QStringLiteral("rateLimits.shadow"), Text::tr("must be true or false"));
        }
        limits.shadow = j["shadow"].get<bool>();
    }
    if (j.contains("perAddress")) {
        auto bucket = bucketFrom(j["perAddress"], QStringLiteral("rateLimits.perAddress"));
        if (!bucket) {
            return std::unexpected(bucket.error());
        }
        limits.perAddress = *bucket;
    }
    const json tiers = j.value("tiers", json::object());
    if (!tiers.is_object()) {
        return badJson(QStringLiteral("rateLimits.tiers"), Text::tr("must be an object"));
    }
    for (const auto& [tier, classes] : tiers.items()) {
        const QString tierField =
            QStringLiteral("rateLimits.tiers.") + QString::fromStdString(tier);
        if (!classes.is_object()) {
            return badJson(tierField, Text::tr("must map route classes to buckets"));
        }
        for (const auto& [routeClass, spec] : classes.items()) {
            const QString name = QString::fromStdString(routeClass);
            auto bucket = bucketFrom(spec, tierField + QLatin1Char('.') + name);
            if (!bucket) {
                return std::unexpected(bucket.error());
            }
            limits.tiers[QString::fromStdString(tier)][name] = *bucket;
        }
    }
    return limits;
}

template <typename T>
Result<void> read(const json& j, const char* name, T& target)
{
    if (!j.contains(name)) {
        return {};
    }
    const json& value = j[name];
    const bool typed = std::is_same_v<T, bool>      ? value.is_boolean()
                       : std::is_same_v<T, QString> ? value.is_string()
                                                    : value.is_number_integer();
    if (!typed) {
        return badJson(QString::fromLatin1(name), Text::tr("has the wrong type"));
    }
    if constexpr (std::is_same_v<T, QString>) {
        target = QString::fromStdString(value.get<std::string>());
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        // Checked here because a huge number would otherwise wrap into an accepted range.
        if (!value.is_number_unsigned() && value.get<std::int64_t>() < 0) {
            return badJson(QString::fromLatin1(name), Text::tr("must not be negative"));
        }
        if (value.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<T>::max())) {
            return badJson(QString::fromLatin1(name), Text::tr("is too large"));
        }
        target = value.get<T>();
    } else {
        target = value.get<T>();
    }
    return {};
}

} // namespace

nlohmann::ordered_json GatewayConfig::toJson() const
{
    ordered tiers = ordered::object();
    for (const auto& [tier, classes] : rateLimits.tiers) {
        ordered buckets = ordered::object();
        for (const auto& [routeClass, bucket] : classes) {
            buckets[utf8(routeClass)] = bucketJson(bucket);
        }
        tiers[utf8(tier)] = buckets;
    }
    ordered out = {{"listen", utf8(listen)},
                   {"certificate", utf8(certificate)},
                   {"key", utf8(key)},
                   {"clientCa", utf8(clientCa)},
                   {"requireClientCertificate", requireClientCertificate},
                   {"plainHttp", plainHttp},
                   {"upstream", utf8(upstream)},
                   {"upstreamTokenFile", utf8(upstreamTokenFile)},
                   {"upstreamTimeoutSeconds", upstreamTimeoutSeconds},
                   {"admin", utf8(admin)},
                   {"publicKey", utf8(publicKey)},
                   {"keyRegistry", utf8(keyRegistry)},
                   {"userStore", utf8(userStore)},
                   {"policy", utf8(policy)},
                   {"auditLog", utf8(auditLog)},
                   {"threads", threads},
                   {"maxBodyBytes", maxBodyBytes},
                   {"maxHeaderBytes", maxHeaderBytes},
                   {"clientTimeoutSeconds", clientTimeoutSeconds},
                   {"tunnelIdleSeconds", tunnelIdleSeconds},
                   {"sessionIdleSeconds", sessionIdleSeconds},
                   {"sessionAbsoluteSeconds", sessionAbsoluteSeconds},
                   {"usageRefreshSeconds", usageRefreshSeconds}};
    out["rateLimits"] = {{"shadow", rateLimits.shadow},
                         {"perAddress", bucketJson(rateLimits.perAddress)},
                         {"tiers", tiers}};
    return out;
}

Result<GatewayConfig> GatewayConfig::fromJson(const nlohmann::json& j)
{
    if (!j.is_object()) {
        return badJson(QStringLiteral("(top level)"), Text::tr("must be a JSON object"));
    }
    GatewayConfig c;
    c.rateLimits = {};
    const std::set<std::string> known = {"listen",
                                         "certificate",
                                         "key",
                                         "clientCa",
                                         "plainHttp",
                                         "requireClientCertificate",
                                         "upstream",
                                         "upstreamTokenFile",
                                         "admin",
                                         "publicKey",
                                         "keyRegistry",
                                         "userStore",
                                         "policy",
                                         "auditLog",
                                         "threads",
                                         "maxBodyBytes",
                                         "maxHeaderBytes",
                                         "clientTimeoutSeconds",
                                         "tunnelIdleSeconds",
                                         "upstreamTimeoutSeconds",
                                         "sessionIdleSeconds",
                                         "sessionAbsoluteSeconds",
                                         "usageRefreshSeconds",
                                         "rateLimits"};
    for (const auto& [name, value] : j.items()) {
        if (!known.contains(name)) {
            return badJson(QString::fromStdString(name), Text::tr("is not a gateway setting"));
        }
    }
    const std::pair<const char*, QString*> strings[] = {{"listen", &c.listen},
                                                        {"certificate", &c.certificate},
                                                        {"key", &c.key},
                                                        {"clientCa", &c.clientCa},
                                                        {"upstream", &c.upstream},
                                                        {"upstreamTokenFile", &c.upstreamTokenFile},
                                                        {"admin", &c.admin},
                                                        {"publicKey", &c.publicKey},
                                                        {"keyRegistry", &c.keyRegistry},
                                                        {"userStore", &c.userStore},
                                                        {"policy", &c.policy},
                                                        {"auditLog", &c.auditLog}};
    for (const auto& [name, target] : strings) {
        if (auto ok = read(j, name, *target); !ok) {
            return std::unexpected(ok.error());
        }
    }
    const std::pair<const char*, int*> ints[] = {
        {"threads", &c.threads},
        {"clientTimeoutSeconds", &c.clientTimeoutSeconds},
        {"tunnelIdleSeconds", &c.tunnelIdleSeconds},
        {"upstreamTimeoutSeconds", &c.upstreamTimeoutSeconds},
        {"sessionIdleSeconds", &c.sessionIdleSeconds},
        {"sessionAbsoluteSeconds", &c.sessionAbsoluteSeconds},
        {"usageRefreshSeconds", &c.usageRefreshSeconds}};
    for (const auto& [name, target] : ints) {
        if (auto ok = read(j, name, *target); !ok) {
            return std::unexpected(ok.error());
        }
    }
    for (auto ok : {read(j, "maxBodyBytes", c.maxBodyBytes),
                    read(j, "maxHeaderBytes", c.maxHeaderBytes), read(j, "plainHttp", c.plainHttp),
                    read(j, "requireClientCertificate", c.requireClientCertificate)}) {
        if (!ok) {
            return std::unexpected(ok.error());
        }
    }
    auto limits = rateLimitsFrom(j.value("rateLimits", json::object()));
    if (!limits) {
        return std::unexpected(limits.error());
    }
    c.rateLimits = std::move(*limits);
    if (auto ok = c.validated(); !ok) {
        return std::unexpected(ok.error());
    }
    return c;
}

} // namespace raysec
