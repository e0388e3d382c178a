#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// job-policy: Raysec's default job-submission policy (PyPI only, python entrypoints, no shell)
// as a raysec-job-policy file, checked by reading it back before it is offered.
class JobPolicyFix
{
public:
    static constexpr auto policyFile = "policies/job-policy.json";

    static QByteArray defaultPolicyJson();
    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 HardeningOutput& out);
};

} // namespace raysec
