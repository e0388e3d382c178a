#pragma once

#include "core/ratelimit/RateLimiter.h"

#include <chrono>
#include <cstdint>
#include <expected>
#include <string>

namespace raysec::gateway {

// The gateway's configuration file (JSON, written by the console; see docs/gateway.md).
// Every field is validated on load; an invalid file is refused as a whole.
struct GatewayConfig
{
    struct Endpoint
    {
        std::string host = "127.0.0.1";
        std::uint16_t port = 0;
    };

    Endpoint listen{"0.0.0.0", 8443};
    bool plainHttp = false; // only allowed when listen.host is a loopback address
    std::string certificateFile;
    std::string keyFile;
    std::string clientCaFile; // when set, client certificates are requested
    bool requireClientCertificate = false;

    Endpoint upstream{"127.0.0.1", 8265};
    std::string upstreamTokenFile; // Ray's token, readable only by the gateway's user
    std::chrono::seconds upstreamTimeout{30};
    std::chrono::seconds usageRefresh{10}; // how often quota admission re-reads usage

    Endpoint admin{"127.0.0.1", 9464}; // metrics and health, loopback only

    std::string publicKeyFile;   // minisign .pub of the console's signing key
    std::string keyRegistryFile; // signed API key registry (.minisig beside it)
    std::string userStoreFile;   // signed dashboard user store
    std::string policyFile;      // signed job-submission and quota policy
    std::string auditLogFile;

    unsigned threads = 0; // 0: one per core
    std::size_t maxBodyBytes = 1024 * 1024;
    std::size_t maxHeaderBytes = 16 * 1024;
    std::chrono::seconds clientTimeout{30};
    // An open WebSocket tunnel with no byte either way for this long is closed.
    std::chrono::seconds tunnelIdle{60 * 60};
    std::chrono::seconds sessionIdle{15 * 60};
    std::chrono::seconds sessionAbsolute{8 * 60 * 60};

    ratelimit::RateLimitSettings rateLimits;

    static std::expected<GatewayConfig, std::string> fromJson(std::string_view text);
    static std::expected<GatewayConfig, std::string> load(const std::string& path);
};

} // namespace raysec::gateway
