#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

struct GatewayConfig;

// gateway-config: raysec-gateway in front of the dashboard, terminating TLS with the head's
// certificate, asking for API keys or a dashboard login, and forwarding with the Ray token.
// Writes gateway.json (validated as the gateway validates it) and the dashboard password
// policy (NIST SP 800-63B preset), and offers to publish the signed key registry and to sign
// the policy bundle and user store that gateway.json names.
class GatewayConfigFix
{
public:
    static constexpr auto configFile = "gateway/gateway.json";
    static constexpr auto passwordPolicyFile = "gateway/password-policy.json";

    static GatewayConfig config(const HardeningInputs& inputs, bool withToken);
    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 bool withToken, HardeningOutput& out);
};

} // namespace raysec
