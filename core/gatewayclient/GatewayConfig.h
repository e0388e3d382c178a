#pragma once

#include "core/common/Error.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

namespace raysec {

// A token bucket: `rate` requests per second on average, bursts of up to `burst`.
struct GatewayBucket
{
    double rate = 10;
    double burst = 20;

    bool operator==(const GatewayBucket&) const = default;
};

// The rateLimits section of gateway.json: a bucket per client address before authentication,
// and per key or user by tier and route class ("*", read, submit, stop, logs, admin).
struct GatewayRateLimits
{
    bool shadow = false;
    GatewayBucket perAddress{50, 100};
    std::map<QString, std::map<QString, GatewayBucket>> tiers;

    bool operator==(const GatewayRateLimits&) const = default;
};

// raysec-gateway's configuration file (gateway.json), field for field as docs/gateway.md
// describes it. validated() applies the same rules the gateway applies on load, so the console
// never writes a file the gateway would refuse.
struct GatewayConfig
{
    QString listen = QStringLiteral("0.0.0.0:8443");
    QString certificate;
    QString key;
    QString clientCa;
    bool requireClientCertificate = false;
    bool plainHttp = false;
    QString upstream = QStringLiteral("127.0.0.1:8265");
    QString upstreamTokenFile;
    QString admin = QStringLiteral("127.0.0.1:9464");
    QString publicKey;
    QString keyRegistry;
    QString userStore;
    QString policy;
    QString auditLog;
    int threads = 0;
    qint64 maxBodyBytes = 1024 * 1024;
    qint64 maxHeaderBytes = 16 * 1024;
    int clientTimeoutSeconds = 30;
    int tunnelIdleSeconds = 3600;
    int upstreamTimeoutSeconds = 30;
    int sessionIdleSeconds = 900;
    int sessionAbsoluteSeconds = 28800;
    int usageRefreshSeconds = 10;
    GatewayRateLimits rateLimits;

    bool operator==(const GatewayConfig&) const = default;

    // The default tiers from the example configuration.
    static GatewayRateLimits defaultRateLimits();
    // "RATE/BURST", such as "0.2/3".
    static Result<GatewayBucket> parseBucket(const QString& text);
    // Sets one tier's bucket from "TIER:CLASS=RATE/BURST", such as "default:submit=0.2/3".
    Result<void> setTier(const QString& spec);

    Result<void> validated() const;
    nlohmann::ordered_json toJson() const;
    static Result<GatewayConfig> fromJson(const nlohmann::json& json);
};

// Whether "host:port" names a loopback address (127.0.0.0/8 or ::1, numeric) and a port.
bool isLoopbackHostPort(const QString& hostPort);

} // namespace raysec
