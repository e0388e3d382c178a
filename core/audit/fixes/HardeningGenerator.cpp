#include "core/audit/fixes/HardeningGenerator.h"

#include "core/audit/fixes/GatewayConfigFix.h"
#include "core/audit/fixes/JobPolicyFix.h"
#include "core/audit/fixes/NetworkPolicyFix.h"
#include "core/audit/fixes/QuotaPolicyFix.h"
#include "core/audit/fixes/RateLimitFix.h"
#include "core/audit/fixes/RayStartFiles.h"
#include "core/audit/fixes/RayTokenFix.h"
#include "core/audit/fixes/TlsBundleFix.h"
#include "core/audit/fixes/UpgradeFix.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHardening, "raysec.core.audit.hardening")

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HardeningGenerator)
};

bool chosen(const HardeningPlan& plan, const char* kind)
{
    return !plan.checksFor(QString::fromLatin1(kind)).isEmpty();
}

} // namespace

Result<void> HardeningGenerator::runKind(const QString& kind, const HardeningPlan& plan,
                                         const HardeningInputs& in, HardeningOutput& out)
{
    const QStringList checks = plan.checksFor(kind);
    if (kind == QLatin1String("ray-token")) {
        return RayTokenFix::generate(in, checks, out);
    }
    if (kind == QLatin1String("tls-bundle")) {
        return TlsBundleFix::generate(in, checks, out);
    }
    if (kind == QLatin1String("gateway-config")) {
        // The gateway terminates TLS with the head's certificate: make it when no tls-bundle
        // fix did.
        if (!chosen(plan, "tls-bundle")) {
            if (auto ok = TlsBundleFix::generate(in, {}, out); !ok) {
                return ok;
            }
        }
        return GatewayConfigFix::generate(in, checks, chosen(plan, "ray-token"), out);
    }
    if (kind == QLatin1String("rate-limit-policy")) {
        return RateLimitFix::generate(in, checks, out);
    }
    if (kind == QLatin1String("job-policy")) {
        return JobPolicyFix::generate(in, checks, out);
    }
    if (kind == QLatin1String("quota-policy")) {
        const bool apply = plan.optionFor(kind) == QLatin1String(HardeningPlan::applyOption);
        return QuotaPolicyFix::generate(in, checks, apply, out);
    }
    if (kind == QLatin1String("network-policy")) {
        return NetworkPolicyFix::generate(in, checks, out);
    }
    if (kind == QLatin1String("upgrade")) {
        return UpgradeFix::generate(in, checks, out);
    }
    return fail(QStringLiteral("hardening.kind"),
                Text::tr("Raysec has no generator for \"%1\".").arg(kind),
                Text::tr("Leave this finding open and fix it by hand."));
}

void HardeningGenerator::finish(const HardeningPlan& plan, const HardeningInputs& in,
                                HardeningOutput& out)
{
    const bool token = chosen(plan, "ray-token");
    const bool tls = out.find(QString::fromLatin1(TlsBundleFix::headEnvFile)) != nullptr;
    const bool gateway = chosen(plan, "gateway-config");
    if (token || tls || gateway || chosen(plan, "upgrade")) {
        RayStartFiles::generate(in, token, tls, gateway, out);
    }
    out.runbook.add(
        RunbookPhase::Verify, {}, Text::tr("Rescan the cluster and compare with the first scan"),
        {QStringLiteral("raysec-cli audit --profile %1").arg(in.profile)},
        Text::tr("The hardening wizard's last page does the same and shows what changed."));
    out.add(FixArtefact::text(QString::fromLatin1(HardeningOutput::runbookFileName),
                              Text::tr("The remaining manual steps, in order."),
                              out.runbook.markdown(in.profile)));
}

Result<HardeningOutput> HardeningGenerator::generate(const HardeningPlan& plan,
                                                     const HardeningInputs& inputs,
                                                     const std::atomic<bool>* cancelled)
{
    if (plan.isEmpty()) {
        return fail(QStringLiteral("hardening.nothing"), Text::tr("No fix is chosen."),
                    Text::tr("Choose a fix for at least one finding."));
    }
    if (auto ok = inputs.validated(); !ok) {
        return std::unexpected(ok.error());
    }
    HardeningOutput out;
    for (const QString& kind : plan.chosenKinds()) {
        if (cancelled && cancelled->load()) {
            return fail(QStringLiteral("hardening.cancelled"),
                        Text::tr("Generation was cancelled."));
        }
        if (auto ok = runKind(kind, plan, inputs, out); !ok) {
            return std::unexpected(ok.error());
        }
    }
    finish(plan, inputs, out);
    qCInfo(lcHardening) << "generated" << out.artefacts.size() << "files for profile"
                        << inputs.profile;
    return out;
}

} // namespace raysec
