#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// ray-token: a new Ray cluster token (64 hex characters) in a 0600 token file and a Kubernetes
// Secret, the env file that turns token auth on, and the steps to distribute it. The console
// can keep the token in the profile's keychain entry and switch the profile to it.
class RayTokenFix
{
public:
    static constexpr auto tokenFile = "ray/auth_token";
    static constexpr auto envFile = "ray/ray-auth.env";
    static constexpr auto secretFile = "kubernetes/ray-auth-token-secret.yaml";

    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 HardeningOutput& out);
};

} // namespace raysec
