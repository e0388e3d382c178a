#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// tls-bundle: a new cluster CA and the head node's bundle (ca.crt, tls.crt, tls.key, tls.env)
// with the SANs Ray and the dashboard's clients dial, plus a kubernetes.io/tls Secret. The same
// certificate serves the gateway's HTTPS listener.
class TlsBundleFix
{
public:
    static constexpr auto caCertFile = "tls/ca.crt";
    static constexpr auto caKeyFile = "tls/ca.key";
    static constexpr auto headCertFile = "tls/head/tls.crt";
    static constexpr auto headKeyFile = "tls/head/tls.key";
    static constexpr auto headEnvFile = "tls/head/tls.env";
    static constexpr auto secretFile = "kubernetes/ray-tls-secret.yaml";

    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 HardeningOutput& out);
};

} // namespace raysec
