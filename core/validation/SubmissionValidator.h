#pragma once

#include "core/validation/JobPolicyChecker.h"

#include <QMap>

#include <string>
#include <string_view>

namespace raysec {

// Limits on the shape of a POST /api/jobs/ body, before the job policy looks at its meaning.
struct SubmissionLimits
{
    int maxSubmissionIdLength = 128;
    int maxMetadataEntries = 32;
    int maxMetadataKeyLength = 128;
    int maxMetadataValueLength = 1024;
    int maxEnvVars = 64;
    int maxEnvVarValueLength = 4096;
    int maxRuntimeEnvBytes = 64 * 1024;
    int maxCustomResources = 16;
    double maxResourceAmount = 1e6;
};

// A checked job submission: the body to forward, with the submitter stamped into its metadata
// (any value the client sent for those keys is replaced), and the resources it reserves.
struct CheckedSubmission
{
    std::string body;
    double cpus = 0;
    double gpus = 0;
    double memoryBytes = 0;
    QMap<QString, double> resources;
};

// Validates a job submission body as the gateway receives it: strict JSON, only the fields Ray
// documents, each with its type and size, then the job policy (entrypoint, runtime_env
// allow-list). Every violation is listed; none is fixed up silently.
class SubmissionValidator
{
public:
    SubmissionValidator(JobPolicy policy, SubmissionLimits limits = {});

    Result<CheckedSubmission> check(std::string_view body, const QString& keyId,
                                    const QString& team) const;

    static constexpr const char* teamKey = "raysec.team";
    static constexpr const char* keyIdKey = "raysec.key_id";

private:
    QList<PolicyViolation> checkShape(const nlohmann::json& body) const;

    JobPolicyChecker m_checker;
    SubmissionLimits m_limits;
};

} // namespace raysec
