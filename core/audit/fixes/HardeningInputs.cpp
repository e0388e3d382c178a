#include "core/audit/fixes/HardeningInputs.h"

#include "core/tls/NodeEntry.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HardeningInputs)
};

bool isKubeName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && pattern.match(name).hasMatch();
}

bool isRemotePath(const QString& path)
{
    static const QRegularExpression safe(QStringLiteral("^/[A-Za-z0-9._/-]+$"));
    return safe.match(path).hasMatch() && !path.contains(QStringLiteral("..")) &&
           !path.endsWith(u'/');
}

} // namespace

QStringList HardeningInputs::problems() const
{
    QStringList out;
    if (!tls::isValidIpAddress(headAddress)) {
        out << Text::tr(
                   "Head address: \"%1\" is not an IP address; type the IP the nodes dial, such "
                   "as 10.0.0.5.")
                   .arg(headAddress);
    }
    for (const QString& name : headHostnames) {
        if (!tls::isValidDnsName(name)) {
            out << Text::tr(
                       "Head host names: \"%1\" is not a DNS name; use letters, digits, dots and "
                       "hyphens.")
                       .arg(name);
        }
    }
    if (!targetRayVersion.isEmpty() && !RayVersion::parse(targetRayVersion)) {
        out << Text::tr("Target Ray version: \"%1\" is not a version such as 2.61.0.")
                   .arg(targetRayVersion);
    }
    for (const auto& [label, path] : {std::pair{Text::tr("Token file on the nodes"), tokenPath},
                                      std::pair{Text::tr("TLS folder on the nodes"), tlsDir},
                                      std::pair{Text::tr("Gateway folder"), gatewayDir}}) {
        if (!isRemotePath(path)) {
            out << Text::tr("%1: \"%2\" must be an absolute path of letters, digits, '.', '_', '-' "
                            "and '/'.")
                       .arg(label, path);
        }
    }
    if (!isKubeName(kubeNamespace) || !isKubeName(rayClusterName)) {
        out << Text::tr(
            "Kubernetes names: use lower-case letters, digits and hyphens (at most 63).");
    }
    return out;
}

Result<void> HardeningInputs::validated() const
{
    const QStringList list = problems();
    if (list.isEmpty()) {
        return {};
    }
    return fail(QStringLiteral("hardening.inputs"), list.join(u' '),
                Text::tr("Correct the fields, then generate again."));
}

QString HardeningInputs::minimumFixedVersion(const AdvisoryDatabase& advisories,
                                             const QString& current)
{
    const auto version = RayVersion::parse(current);
    if (!version) {
        return {};
    }
    // Every advisory counts, also those token auth mitigates: token auth is off by default
    // before the release that fixes CVE-2025-34351, so the upgrade goes that far too.
    std::optional<RayVersion> best;
    for (const Advisory& a : advisories.applicable(*version, false)) {
        const auto fixed = RayVersion::parse(a.fixedIn);
        if (fixed && (!best || *best < *fixed)) {
            best = fixed;
        }
    }
    return best ? best->toString() : QString();
}

} // namespace raysec
