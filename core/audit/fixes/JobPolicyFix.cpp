#include "core/audit/fixes/JobPolicyFix.h"

#include "core/validation/JobPolicy.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::JobPolicyFix)
};

} // namespace

QByteArray JobPolicyFix::defaultPolicyJson()
{
    return QByteArray::fromStdString(JobPolicy::defaults().toJson().dump(2) + "\n");
}

Result<void> JobPolicyFix::generate(const HardeningInputs& in, const QStringList& checks,
                                    HardeningOutput& out)
{
    const QByteArray json = defaultPolicyJson();
    if (auto parsed = JobPolicy::parse(json, QString::fromLatin1(policyFile)); !parsed) {
        return std::unexpected(parsed.error());
    }
    out.add(FixArtefact::text(QString::fromLatin1(policyFile),
                              Text::tr("The job-submission policy the gateway enforces."), json));
    out.runbook.add(
        RunbookPhase::Configure, checks.join(QStringLiteral(", ")),
        Text::tr("Enforce the job policy at submission: sign it into the gateway policy"),
        {QStringLiteral("raysec-cli gateway bundles --out gateway/ --replace "
                        "--job-policy %1")
             .arg(QString::fromLatin1(policyFile))},
        Text::tr("The console's gateway bundles already carry this policy (it is Raysec's "
                 "recommended one); run the command after editing %1, then copy "
                 "gateway/policy.json and its .minisig to %2. Jobs already running keep "
                 "their runtime_env: stop the offending ones.")
            .arg(QString::fromLatin1(policyFile), in.gatewayDir));
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
