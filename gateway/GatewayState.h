#pragma once

#include "core/common/SecretBuffer.h"
#include "core/ratelimit/RateLimiter.h"
#include "gateway/AuditLog.h"
#include "gateway/Bundles.h"
#include "gateway/GatewayConfig.h"
#include "gateway/LoginThrottle.h"
#include "gateway/Metrics.h"
#include "gateway/SessionStore.h"

#include <atomic>
#include <memory>

namespace raysec::gateway {

class UsagePoller;

// What every worker thread shares. Bundles are replaced whole on reload; a request works
// with the snapshot it loaded at its start.
struct GatewayState
{
    explicit GatewayState(GatewayConfig cfg)
        : config(std::move(cfg))
        , rateLimiter(config.rateLimits)
        , sessions(config.sessionIdle, config.sessionAbsolute)
    {
    }

    GatewayConfig config;
    ratelimit::RateLimiter rateLimiter;
    Metrics metrics;
    AuditLog audit;
    SessionStore sessions;
    LoginThrottle loginThrottle;
    std::atomic<std::shared_ptr<const Bundles>> bundles{std::make_shared<const Bundles>()};
    // Ray's token as a header value; std::string because Beast needs one, kept for the
    // process lifetime and never logged.
    std::shared_ptr<const std::string> rayToken;
    // Cluster usage for quota admission; null when the gateway runs without it (tests).
    const UsagePoller* usage = nullptr;
};

} // namespace raysec::gateway
