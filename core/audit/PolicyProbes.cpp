// Probes of policy: quota policies in the console's store and jobs against the job policy.

#include "core/audit/ProbeContext.h"
#include "core/audit/Probes.h"
#include "core/audit/Redactor.h"
#include "core/quotas/QuotaRepository.h"
#include "core/store/Database.h"
#include "core/validation/JobPolicyChecker.h"

#include <QCoreApplication>

namespace raysec::probes {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::probes)
};

enum class JobAspect
{
    RuntimeEnv,
    Entrypoint
};

CheckResult checkJobs(const Check& check, ProbeContext& ctx, JobAspect aspect)
{
    const QString path =
        QString::fromStdString(check.params.value("path", std::string("/api/jobs/")));
    const HttpExchange& answer = ctx.get(path, true);
    QList<Evidence> evidence{ctx.evidence(path, true)};
    const auto jobs = nlohmann::json::parse(answer.body.begin(), answer.body.end(), nullptr, false);
    if (answer.status != 200 || !jobs.is_array()) {
        return result(check, CheckOutcome::Error,
                      Text::tr("The job list could not be read (status %1).").arg(answer.status),
                      evidence);
    }
    const JobPolicyChecker checker(ctx.settings().jobPolicy);
    QStringList offenders;
    for (const auto& job : jobs) {
        if (!job.is_object()) {
            continue;
        }
        const auto entry = job.value("entrypoint", nlohmann::json());
        const QList<PolicyViolation> found =
            aspect == JobAspect::RuntimeEnv
                ? checker.checkRuntimeEnv(job.value("runtime_env", nlohmann::json()))
                : checker.checkEntrypoint(entry.is_string()
                                              ? QString::fromStdString(entry.get<std::string>())
                                              : QString());
        if (found.isEmpty()) {
            continue;
        }
        const auto id = job.value("submission_id", nlohmann::json());
        const QString name = id.is_string() ? QString::fromStdString(id.get<std::string>()).left(80)
                                            : Text::tr("(driver job)");
        offenders.append(name);
        for (const PolicyViolation& v : found) {
            evidence.append(Evidence{Text::tr("job %1, %2").arg(name, v.field), 0,
                                     v.message + QStringLiteral(" ") +
                                         Redactor::excerpt(v.value.toUtf8(), 200)});
        }
    }
    if (offenders.isEmpty()) {
        return result(check, CheckOutcome::Pass,
                      Text::tr("All %1 jobs satisfy the job policy.").arg(jobs.size()), evidence);
    }
    return result(check, CheckOutcome::Fail,
                  Text::tr("%1 of %2 jobs break the job policy: %3")
                      .arg(offenders.size())
                      .arg(jobs.size())
                      .arg(offenders.join(QStringLiteral(", "))),
                  evidence);
}

} // namespace

CheckResult quotaPolicy(const Check& check, ProbeContext& ctx)
{
    const auto count = ctx.settings().quotaPolicies;
    const QList<Evidence> evidence{Evidence{Text::tr("Console store, quota configuration"), 0,
                                            count ? Text::tr("%1 policies").arg(*count)
                                                  : Text::tr("no quota configuration saved")}};
    if (count && *count > 0) {
        return result(check, CheckOutcome::Pass,
                      Text::tr("%1 quota policies are defined.").arg(*count), evidence);
    }
    return result(check, CheckOutcome::Fail,
                  Text::tr("No quota policy is defined: any job may take every resource."),
                  evidence);
}

std::optional<qint64> countQuotaPolicies(Database& store)
{
    // Read only: an audit never creates the quota module's tables.
    if (!store.connection().tables().contains(QStringLiteral("quota_config"))) {
        return std::nullopt;
    }
    const auto config = QuotaRepository(store).load();
    if (!config) {
        return std::nullopt;
    }
    return qint64(config->policies.size());
}

CheckResult jobRuntimeEnv(const Check& check, ProbeContext& ctx)
{
    return checkJobs(check, ctx, JobAspect::RuntimeEnv);
}

CheckResult jobEntrypoint(const Check& check, ProbeContext& ctx)
{
    return checkJobs(check, ctx, JobAspect::Entrypoint);
}

} // namespace raysec::probes
