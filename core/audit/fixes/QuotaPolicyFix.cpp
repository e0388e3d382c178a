#include "core/audit/fixes/QuotaPolicyFix.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::QuotaPolicyFix)
};

} // namespace

QuotaConfig QuotaPolicyFix::defaultConfig()
{
    QuotaPolicy policy;
    policy.subject = QuotaSubject::Team;
    policy.name = QStringLiteral("default");
    policy.soft.concurrentJobs = 8;
    policy.soft.submissionsPerHour = 60;
    policy.hard.concurrentJobs = 16;
    policy.hard.submissionsPerHour = 120;
    QuotaConfig config;
    config.policies.append(policy);
    return config;
}

Result<void> QuotaPolicyFix::generate(const HardeningInputs& in, const QStringList& checks,
                                      bool apply, HardeningOutput& out)
{
    const QuotaConfig config = defaultConfig();
    if (auto ok = config.validated(); !ok) {
        return ok;
    }
    out.add(FixArtefact::text(QString::fromLatin1(configFile),
                              Text::tr("A default team quota: 8 running jobs and 60 submissions an "
                                       "hour (soft), 16 and 120 (hard)."),
                              config.toJson()));
    if (apply) {
        out.quotas = config;
        out.offer(ConsoleChange::SaveQuotaPolicy);
    }
    out.runbook.add(
        RunbookPhase::Configure, checks.value(0),
        Text::tr("Load the quota configuration into the console"),
        {QStringLiteral("raysec-cli quotas set --file %1").arg(QString::fromLatin1(configFile))},
        apply ? Text::tr("Skip this step when the console applied its changes: it saved "
                         "the same policy.")
              : QString());
    out.runbook.add(
        RunbookPhase::Configure, checks.value(0),
        Text::tr("Enforce the quotas at submission: sign them into the gateway policy"),
        {QStringLiteral("raysec-cli gateway bundles --out gateway/ --replace")},
        Text::tr("Skip this step when the console applied its changes: the gateway "
                 "policy it signed carries the saved quota policies. Otherwise run it once "
                 "the configuration is loaded, then copy gateway/policy.json and its "
                 ".minisig to %1.")
            .arg(in.gatewayDir));
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
