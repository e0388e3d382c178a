#pragma once

#include "core/validation/JobPolicy.h"

#include <QList>

namespace raysec {

// One way a job breaks the job policy: the field ("runtime_env.pip[1]", "entrypoint"), a stable
// rule id for scripts and the gateway's log, and a sentence for people. `value` is the offending
// cluster-supplied text, to be shown as plain text only.
struct PolicyViolation
{
    QString field;
    QString rule; // "runtime-env-url", "entrypoint-program", "entrypoint-token", ...
    QString message;
    QString value;
};

// Checks a job (a Jobs API job detail or a submission body) against a JobPolicy.
class JobPolicyChecker
{
public:
    explicit JobPolicyChecker(JobPolicy policy);

    QList<PolicyViolation> checkRuntimeEnv(const nlohmann::json& runtimeEnv) const;
    QList<PolicyViolation> checkEntrypoint(const QString& entrypoint) const;
    QList<PolicyViolation> check(const nlohmann::json& job) const;

private:
    void checkLocation(const QString& field, const QString& location,
                       QList<PolicyViolation>& out) const;
    void checkPackages(const QString& field, const nlohmann::json& spec,
                       QList<PolicyViolation>& out) const;

    JobPolicy m_policy;
};

} // namespace raysec
