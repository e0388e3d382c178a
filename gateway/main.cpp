// raysec-gateway: the enforcing proxy in front of a Ray dashboard. See docs/gateway.md.

#include "core/CoreInfo.h"
#include "gateway/BundleLoader.h"
#include "gateway/GatewayConfig.h"
#include "gateway/Server.h"
#include "gateway/UsagePoller.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace raysec::gateway;

namespace {

int usage()
{
    std::cerr << "Usage: raysec-gateway --config FILE\n"
                 "       raysec-gateway --check-config FILE\n"
                 "       raysec-gateway --verify-audit FILE\n";
    return 2;
}

// Ray's token must be readable by the gateway's user only; anything else is refused.
std::expected<std::shared_ptr<const std::string>, std::string> readToken(const std::string& path)
{
    if (path.empty()) {
        return std::shared_ptr<const std::string>();
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto perms = fs::status(path, ec).permissions();
    if (ec) {
        return std::unexpected("cannot read the Ray token file " + path);
    }
    if ((perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
        return std::unexpected("the Ray token file " + path +
                               " is readable by others; run chmod 600 on it");
    }
    std::ifstream in(path);
    std::string token;
    std::getline(in, token);
    if (token.empty() || token.size() > 4096) {
        return std::unexpected("the Ray token file " + path + " holds no usable token");
    }
    auto shared = std::make_shared<const std::string>(std::move(token));
    return shared;
}

int verifyAudit(const std::string& path)
{
    auto verified = AuditLog::verify(path);
    if (!verified) {
        std::cerr << "raysec-gateway: audit log is NOT intact: " << verified.error() << "\n";
        return 1;
    }
    std::cout << "audit log intact: " << *verified << " records\n";
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (sodium_init() < 0 || argc != 3) {
        return usage();
    }
    const std::string mode = argv[1];
    const std::string path = argv[2];
    if (mode == "--verify-audit") {
        return verifyAudit(path);
    }
    if (mode != "--config" && mode != "--check-config") {
        return usage();
    }

    auto config = GatewayConfig::load(path);
    if (!config) {
        std::cerr << "raysec-gateway: " << path << ": " << config.error() << "\n";
        return 1;
    }
    auto token = readToken(config->upstreamTokenFile);
    if (!token) {
        std::cerr << "raysec-gateway: " << token.error() << "\n";
        return 1;
    }
    if (mode == "--check-config") {
        std::cout << "configuration is valid\n";
        return 0;
    }

    GatewayState state(*config);
    state.rayToken = *token;
    if (!config->auditLogFile.empty()) {
        if (auto opened = state.audit.open(config->auditLogFile); !opened) {
            std::cerr << "raysec-gateway: " << opened.error() << "\n";
            return 1;
        }
    }
    UsagePoller usage(state, config->usageRefresh);
    state.usage = &usage;
    reloadBundles(state, "start");

    Server server(state, reloadBundles);
    if (auto started = server.start(); !started) {
        std::cerr << "raysec-gateway: " << started.error() << "\n";
        return 1;
    }
    usage.start(server.mainContext());
    // One line for supervisors and tests: where the gateway listens.
    std::cout << nlohmann::json{{"port", server.port()},
                                {"admin", server.adminPort()},
                                {"version", raysec::versionString().toStdString()}}
                     .dump()
              << std::endl;
    server.run();
    state.audit.flush();
    return 0;
}
