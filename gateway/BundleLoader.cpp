#include "gateway/BundleLoader.h"

#include "core/keys/MinisignPublicKey.h"
#include "core/keys/RegistryBundle.h"
#include "gateway/PolicyBundle.h"
#include "gateway/QuotaGate.h"
#include "gateway/RegistryKeyAuthority.h"
#include "gateway/SignedUserDirectory.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace raysec::gateway {

namespace {

std::expected<std::string, std::string> readWhole(const std::string& path, std::size_t limit)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::unexpected("cannot read " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > limit) {
        return std::unexpected(path + " is larger than " + std::to_string(limit) + " bytes");
    }
    return text.str();
}

void log(const std::string& line)
{
    std::cerr << "raysec-gateway: " << line << std::endl;
}

// A bundle's version is its "generated" time, so that metrics show which one is in force.
std::int64_t bundleVersion(const std::string& json)
{
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_object() && j.contains("generated") && j["generated"].is_string()) {
        return isoSeconds(j["generated"].get<std::string>());
    }
    return 0;
}

std::expected<std::shared_ptr<const RegistryKeyAuthority>, std::string>
loadKeys(const GatewayConfig& config, const MinisignPublicKey& key)
{
    auto json = readWhole(config.keyRegistryFile, 256 * 1024 * 1024);
    auto signature = readWhole(config.keyRegistryFile + ".minisig", 64 * 1024);
    if (!json || !signature) {
        return std::unexpected(!json ? json.error() : signature.error());
    }
    auto validator = RegistryBundle::loadVerified(*json, *signature, key);
    if (!validator) {
        return std::unexpected(validator.error().text().toStdString());
    }
    return std::make_shared<const RegistryKeyAuthority>(std::move(*validator),
                                                        bundleVersion(*json));
}

std::expected<std::shared_ptr<const UserDirectory>, std::string>
loadUsers(const GatewayConfig& config, const std::string& publicKeyText)
{
    auto json = readWhole(config.userStoreFile, 64 * 1024 * 1024);
    auto signature = readWhole(config.userStoreFile + ".minisig", 64 * 1024);
    if (!json || !signature) {
        return std::unexpected(!json ? json.error() : signature.error());
    }
    auto users = SignedUserDirectory::load(publicKeyText, *json, *signature);
    if (!users) {
        return std::unexpected(users.error());
    }
    return std::shared_ptr<const UserDirectory>(*users);
}

std::expected<std::shared_ptr<const PolicyBundle>, std::string>
loadPolicy(const GatewayConfig& config, const std::string& publicKeyText)
{
    auto json = readWhole(config.policyFile, 16 * 1024 * 1024);
    auto signature = readWhole(config.policyFile + ".minisig", 64 * 1024);
    if (!json || !signature) {
        return std::unexpected(!json ? json.error() : signature.error());
    }
    return PolicyBundle::load(publicKeyText, *json, *signature);
}

} // namespace

void reloadBundles(GatewayState& state, const std::string& why)
{
    const GatewayConfig& config = state.config;
    auto current = state.bundles.load();
    auto next = std::make_shared<Bundles>(*current);

    auto publicText = readWhole(config.publicKeyFile, 4096);
    auto key = publicText ? MinisignPublicKey::parse(*publicText)
                          : Result<MinisignPublicKey>(std::unexpected(Error{}));
    if (!publicText || !key) {
        log("no bundle loaded (" + why + "): the console's public key " + config.publicKeyFile +
            " cannot be read or parsed; keeping the bundles in force");
        return;
    }

    if (!config.keyRegistryFile.empty()) {
        if (auto keys = loadKeys(config, *key)) {
            next->keys = *keys;
            state.metrics.setBundleVersion("keys", (*keys)->version());
            // Series for keys the new registry no longer lists, or has revoked, would stay
            // until the next restart otherwise.
            const std::size_t forgotten = state.metrics.forgetKeys(
                [&registry = **keys](std::string_view id) { return registry.listsUnrevoked(id); });
            if (forgotten > 0) {
                log("dropped the metric series of " + std::to_string(forgotten) +
                    " revoked or unlisted key(s)");
            }
            log("loaded key registry (" + why + ")");
        } else {
            log("refused key registry " + config.keyRegistryFile + " (" + why +
                "): " + keys.error() + "; the last good registry stays in force");
        }
    }
    if (!config.userStoreFile.empty()) {
        if (auto users = loadUsers(config, *publicText)) {
            next->users = *users;
            state.metrics.setBundleVersion("users", (*users)->version());
            log("loaded user store (" + why + ")");
        } else {
            log("refused user store " + config.userStoreFile + " (" + why + "): " + users.error() +
                "; the last good user store stays in force");
        }
    }
    if (!config.policyFile.empty()) {
        if (auto policy = loadPolicy(config, *publicText)) {
            next->submissions = *policy;
            if (state.usage) {
                next->quotas = std::make_shared<QuotaGate>(
                    *state.usage,
                    std::shared_ptr<const QuotaConfig>(*policy, &(*policy)->quotas()));
            }
            state.metrics.setBundleVersion("policy", (*policy)->version());
            log("loaded policy (" + why + ")");
        } else {
            log("refused policy " + config.policyFile + " (" + why + "): " + policy.error() +
                "; the last good policy stays in force");
        }
    }
    state.bundles.store(std::move(next));
}

} // namespace raysec::gateway
