#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// upgrade: Ray releases fix some advisories (and add the browser-request guard); the steps
// install at least the lowest release that fixes every advisory found, on every node, and a
// KubeRay patch sets the same version and image.
class UpgradeFix
{
public:
    static constexpr auto kubePatchFile = "kubernetes/raycluster-version-patch.yaml";

    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 HardeningOutput& out);
};

} // namespace raysec
