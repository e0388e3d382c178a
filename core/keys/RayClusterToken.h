#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>
#include <QStringList>

#include <string>

namespace raysec {

// Ray's own shared cluster token (Ray 2.52+, RAY_AUTH_MODE=token): generated like
// `ray get-auth-token --generate` (64 hex characters from 32 random bytes) and exported as an
// env file that points Ray at a token file, or as a Kubernetes Secret. Ray tokens never expire;
// rotating one means restarting every node with the new token (rotationSteps()).
class RayClusterToken
{
public:
    static constexpr std::size_t Length = 64;

    static SecretBuffer generate();
    // Ray accepts any string, but a generated token is 64 hex characters; anything else is
    // refused here so a pasted API key or password never becomes the cluster token.
    static Result<void> check(const SecretBuffer& token);

    // "RAY_AUTH_MODE=token\nRAY_AUTH_TOKEN_PATH=<path>\n": holds no secret.
    static std::string envFile(const QString& tokenPath);
    // A Secret manifest with the token under data.auth_token (base64).
    static Result<SecretBuffer> kubernetesSecret(const SecretBuffer& token, const QString& name,
                                                 const QString& kubeNamespace);
    static QStringList rotationSteps(const QString& profile, const QString& tokenPath);
};

} // namespace raysec
