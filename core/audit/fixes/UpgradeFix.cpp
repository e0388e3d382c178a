#include "core/audit/fixes/UpgradeFix.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UpgradeFix)
};

QByteArray kubePatch(const HardeningInputs& in)
{
    return QStringLiteral("# Apply with: kubectl patch raycluster %1 -n %2 --type merge "
                          "--patch-file %3\n"
                          "spec:\n"
                          "  rayVersion: \"%4\"\n"
                          "  headGroupSpec:\n"
                          "    template:\n"
                          "      spec:\n"
                          "        containers:\n"
                          "          - name: ray-head\n"
                          "            image: rayproject/ray:%4\n")
        .arg(in.rayClusterName, in.kubeNamespace, QString::fromLatin1(UpgradeFix::kubePatchFile),
             in.targetRayVersion)
        .toUtf8();
}

} // namespace

Result<void> UpgradeFix::generate(const HardeningInputs& in, const QStringList& checks,
                                  HardeningOutput& out)
{
    if (in.targetRayVersion.isEmpty()) {
        return fail(QStringLiteral("hardening.upgrade-version"),
                    Text::tr("No Ray release to upgrade to is known for version \"%1\".")
                        .arg(in.rayVersion),
                    Text::tr("Type the target Ray version, such as 2.61.0."));
    }
    out.add(FixArtefact::text(
        QString::fromLatin1(kubePatchFile),
        Text::tr("KubeRay patch setting Ray %1 and its image.").arg(in.targetRayVersion),
        kubePatch(in)));
    out.runbook.add(
        RunbookPhase::Upgrade, checks.join(QStringLiteral(", ")),
        Text::tr("Upgrade Ray from %1 to %2 on every node")
            .arg(in.rayVersion.isEmpty() ? Text::tr("the running version") : in.rayVersion,
                 in.targetRayVersion),
        {QStringLiteral("ssh NODE 'pip install --upgrade \"ray[default]==%1\"'")
             .arg(in.targetRayVersion),
         QStringLiteral("kubectl patch raycluster %1 -n %2 --type merge --patch-file %3")
             .arg(in.rayClusterName, in.kubeNamespace, QString::fromLatin1(kubePatchFile))},
        Text::tr("Every node and every client must run the same Ray version. On KubeRay, patch the "
                 "worker groups' images the same way."));
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
