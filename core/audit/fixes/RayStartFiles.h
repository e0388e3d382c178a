#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// The start commands that put the other fixes into effect: shell scripts for the head and the
// workers that load the token and TLS env files and keep the dashboard on loopback, a KubeRay
// patch with the same settings, and the ordered stop and start steps (Ray reads its token and
// certificates only at start).
class RayStartFiles
{
public:
    static constexpr auto headScript = "ray/start-head.sh";
    static constexpr auto workerScript = "ray/start-worker.sh";
    static constexpr auto kubePatchFile = "kubernetes/raycluster-hardening-patch.yaml";

    static void generate(const HardeningInputs& inputs, bool withToken, bool withTls,
                         bool behindGateway, HardeningOutput& out);
};

} // namespace raysec
