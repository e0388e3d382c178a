#include "gateway/GatewayConfig.h"

#include <boost/asio/ip/address.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace raysec::gateway {

namespace {

using json = nlohmann::json;
using Failure = std::unexpected<std::string>;

std::expected<GatewayConfig::Endpoint, std::string> endpoint(const json& j, const char* field)
{
    if (!j.is_string()) {
        return Failure(std::string(field) + " must be a string \"host:port\"");
    }
    const std::string text = j.get<std::string>();
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) {
        return Failure(std::string(field) + " must be \"host:port\", got \"" + text + "\"");
    }
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    int port = -1;
    try {
        std::size_t used = 0;
        port = std::stoi(text.substr(colon + 1), &used);
        if (used != text.size() - colon - 1) {
            port = -1;
        }
    } catch (const std::exception&) {
        port = -1;
    }
    if (port < 0 || port > 65535) {
        return Failure(std::string(field) + " has an invalid port in \"" + text + "\"");
    }
    boost::system::error_code ec;
    boost::asio::ip::make_address(host, ec);
    if (ec) {
        return Failure(std::string(field) + " needs a numeric IP address, got \"" + host + "\"");
    }
    return GatewayConfig::Endpoint{host, std::uint16_t(port)};
}

bool isLoopback(const std::string& host)
{
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(host, ec);
    return !ec && address.is_loopback();
}

template <typename T>
std::expected<T, std::string> field(const json& j, const char* name, T fallback)
{
    if (!j.contains(name)) {
        return fallback;
    }
    try {
        return j.at(name).get<T>();
    } catch (const json::exception&) {
        return Failure(std::string(name) + " has the wrong type");
    }
}

std::expected<ratelimit::BucketSpec, std::string> bucket(const json& j, const std::string& where)
{
    if (!j.is_object() || !j.contains("rate") || !j.contains("burst") || !j["rate"].is_number() ||
        !j["burst"].is_number()) {
        return Failure(where + " needs numeric \"rate\" (per second) and \"burst\"");
    }
    const double rate = j["rate"].get<double>();
    const double burst = j["burst"].get<double>();
    if (!(rate > 0 && rate <= 1e6) || !(burst >= 1 && burst <= 1e7)) {
        return Failure(where + ": rate must be in (0, 1e6] and burst in [1, 1e7]");
    }
    return ratelimit::BucketSpec{rate, burst};
}

std::expected<ratelimit::RateLimitSettings, std::string> parseRateLimits(const json& j)
{
    ratelimit::RateLimitSettings settings;
    if (j.is_null()) {
        return settings;
    }
    if (!j.is_object()) {
        return Failure("rateLimits must be an object");
    }
    auto shadow = field<bool>(j, "shadow", false);
    if (!shadow) {
        return Failure(shadow.error());
    }
    settings.shadow = *shadow;
    if (j.contains("perAddress")) {
        auto spec = bucket(j["perAddress"], "rateLimits.perAddress");
        if (!spec) {
            return Failure(spec.error());
        }
        settings.perAddress = *spec;
    }
    if (j.contains("tiers")) {
        if (!j["tiers"].is_object()) {
            return Failure("rateLimits.tiers must map tier names to route classes");
        }
        settings.tiers.clear();
        for (const auto& [tier, classes] : j["tiers"].items()) {
            if (!classes.is_object()) {
                return Failure("rateLimits.tiers." + tier + " must be an object");
            }
            for (const auto& [routeClass, spec] : classes.items()) {
                auto parsed = bucket(spec, "rateLimits.tiers." + tier + "." + routeClass);
                if (!parsed) {
                    return Failure(parsed.error());
                }
                settings.tiers[tier][routeClass] = *parsed;
            }
        }
    }
    return settings;
}

std::expected<void, std::string> readEndpoints(const json& j, GatewayConfig& config)
{
    for (auto [name, target] :
         {std::pair{"listen", &config.listen}, std::pair{"upstream", &config.upstream},
          std::pair{"admin", &config.admin}}) {
        if (j.contains(name)) {
            auto parsed = endpoint(j[name], name);
            if (!parsed) {
                return Failure(parsed.error());
            }
            *target = *parsed;
        }
    }
    if (!isLoopback(config.admin.host)) {
        return Failure(
            "admin must listen on a loopback address: it serves metrics unauthenticated");
    }
    if (!isLoopback(config.upstream.host)) {
        return Failure("upstream must be the Ray dashboard on loopback (127.0.0.1 or ::1)");
    }
    return {};
}

std::expected<void, std::string> readFiles(const json& j, GatewayConfig& config)
{
    const std::pair<const char*, std::string*> files[] = {
        {"certificate", &config.certificateFile}, {"key", &config.keyFile},
        {"clientCa", &config.clientCaFile},       {"upstreamTokenFile", &config.upstreamTokenFile},
        {"publicKey", &config.publicKeyFile},     {"keyRegistry", &config.keyRegistryFile},
        {"userStore", &config.userStoreFile},     {"policy", &config.policyFile},
        {"auditLog", &config.auditLogFile}};
    for (const auto& [name, target] : files) {
        auto value = field<std::string>(j, name, {});
        if (!value) {
            return Failure(value.error());
        }
        *target = *value;
    }
    return {};
}

std::expected<void, std::string> readNumbers(const json& j, GatewayConfig& config)
{
    auto threads = field<unsigned>(j, "threads", 0);
    auto body = field<std::size_t>(j, "maxBodyBytes", config.maxBodyBytes);
    auto header = field<std::size_t>(j, "maxHeaderBytes", config.maxHeaderBytes);
    auto clientTimeout = field<int>(j, "clientTimeoutSeconds", int(config.clientTimeout.count()));
    auto upstreamTimeout =
        field<int>(j, "upstreamTimeoutSeconds", int(config.upstreamTimeout.count()));
    auto usage = field<int>(j, "usageRefreshSeconds", int(config.usageRefresh.count()));
    auto idle = field<int>(j, "sessionIdleSeconds", int(config.sessionIdle.count()));
    auto absolute = field<int>(j, "sessionAbsoluteSeconds", int(config.sessionAbsolute.count()));
    auto tunnelIdle = field<int>(j, "tunnelIdleSeconds", int(config.tunnelIdle.count()));
    for (const auto* r :
         {&clientTimeout, &upstreamTimeout, &usage, &idle, &absolute, &tunnelIdle}) {
        if (!*r) {
            return Failure(r->error());
        }
        if (**r < 1 || **r > 7 * 24 * 3600) {
            return Failure("timeouts must be between 1 second and 7 days");
        }
    }
    if (!threads || !body || !header) {
        return Failure("threads, maxBodyBytes and maxHeaderBytes must be non-negative integers");
    }
    if (*threads > 256 || *body > 64u * 1024 * 1024 || *header < 1024 || *header > 1024 * 1024) {
        return Failure("threads <= 256, maxBodyBytes <= 64 MiB, maxHeaderBytes 1 KiB..1 MiB");
    }
    config.threads = *threads;
    config.maxBodyBytes = *body;
    config.maxHeaderBytes = *header;
    config.clientTimeout = std::chrono::seconds(*clientTimeout);
    config.upstreamTimeout = std::chrono::seconds(*upstreamTimeout);
    config.usageRefresh = std::chrono::seconds(*usage);
    config.sessionIdle = std::chrono::seconds(*idle);
    config.sessionAbsolute = std::chrono::seconds(*absolute);
    config.tunnelIdle = std::chrono::seconds(*tunnelIdle);
    return {};
}

} // namespace

std::expected<GatewayConfig, std::string> GatewayConfig::fromJson(std::string_view text)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return Failure("the configuration is not a JSON object");
    }
    GatewayConfig config;
    auto plain = field<bool>(j, "plainHttp", false);
    if (!plain) {
        return Failure(plain.error());
    }
    config.plainHttp = *plain;
    auto requireCert = field<bool>(j, "requireClientCertificate", false);
    if (!requireCert) {
        return Failure(requireCert.error());
    }
    config.requireClientCertificate = *requireCert;
    for (auto step : {readEndpoints, readFiles, readNumbers}) {
        if (auto ok = step(j, config); !ok) {
            return Failure(ok.error());
        }
    }
    auto limits = parseRateLimits(j.contains("rateLimits") ? j["rateLimits"] : json());
    if (!limits) {
        return Failure(limits.error());
    }
    config.rateLimits = *limits;

    if (config.plainHttp && !isLoopback(config.listen.host)) {
        return Failure("plainHttp is only allowed on a loopback listen address; configure "
                       "certificate and key for anything else");
    }
    if (!config.plainHttp && (config.certificateFile.empty() || config.keyFile.empty())) {
        return Failure("certificate and key are required (or plainHttp on loopback)");
    }
    if (config.requireClientCertificate && config.clientCaFile.empty()) {
        return Failure("requireClientCertificate needs clientCa");
    }
    return config;
}

std::expected<GatewayConfig, std::string> GatewayConfig::load(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Failure("cannot read " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > 1024 * 1024) {
        return Failure(path + " is larger than 1 MiB");
    }
    return fromJson(text.str());
}

} // namespace raysec::gateway
