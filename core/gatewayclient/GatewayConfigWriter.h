#pragma once

#include "core/common/Error.h"
#include "core/gatewayclient/GatewayConfig.h"

#include <QStringList>

namespace raysec {

// Writes a folder the gateway can be installed from: gateway.json, validated first, and either
// a policy skeleton (policy.json.example) to fill in and sign, or nothing more when the signed
// policy bundle comes from GatewayBundleWriter. Nothing is written when a field is wrong, and
// existing files are kept unless replacing them was asked for.
class GatewayConfigWriter
{
public:
    static constexpr auto configFileName = "gateway.json";
    static constexpr auto policyExampleFileName = "policy.json.example";

    enum class Policy
    {
        Skeleton, // write policy.json.example
        Signed    // the caller writes the signed bundles
    };

    // The policy bundle's unsigned skeleton, format raysec-gateway-policy version 1.
    static nlohmann::ordered_json policySkeleton();

    // The checks write() makes before writing anything.
    static Result<void> check(const GatewayConfig& config, const QString& folder, bool replace,
                              Policy policy = Policy::Skeleton);
    // Returns the paths written.
    static Result<QStringList> write(const GatewayConfig& config, const QString& folder,
                                     bool replace = false, Policy policy = Policy::Skeleton);
};

} // namespace raysec
