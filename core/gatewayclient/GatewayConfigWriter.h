#pragma once

#include "core/common/Error.h"
#include "core/gatewayclient/GatewayConfig.h"

#include <QStringList>

namespace raysec {

// Writes a folder the gateway can be installed from: gateway.json, validated first, and a
// policy skeleton (policy.json.example) to fill in and sign. Nothing is written when a field
// is wrong, and existing files are kept unless replacing them was asked for.
class GatewayConfigWriter
{
public:
    static constexpr auto configFileName = "gateway.json";
    static constexpr auto policyExampleFileName = "policy.json.example";

    // The policy bundle's unsigned skeleton, format raysec-gateway-policy version 1.
    static nlohmann::ordered_json policySkeleton();

    // Returns the paths written.
    static Result<QStringList> write(const GatewayConfig& config, const QString& folder,
                                     bool replace = false);
};

} // namespace raysec
