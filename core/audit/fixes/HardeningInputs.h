#pragma once

#include "core/audit/AdvisoryDatabase.h"
#include "core/common/Error.h"

#include <QString>
#include <QStringList>

namespace raysec {

// What the generators need to know about the cluster besides the findings: where the head is,
// where files go on the nodes, the Kubernetes namespace and the Ray version to upgrade to.
struct HardeningInputs
{
    QString profile;
    QString headAddress;       // IP the peers dial; from the dashboard URL when it is an IP
    QStringList headHostnames; // further DNS names of the head
    QString rayVersion;        // what the scan saw
    QString targetRayVersion;  // at least the lowest release that fixes every advisory
    QString tokenPath = QStringLiteral("/etc/ray/auth_token");
    QString tlsDir = QStringLiteral("/etc/ray/tls");
    QString gatewayDir = QStringLiteral("/etc/raysec-gateway");
    QString kubeNamespace = QStringLiteral("ray");
    QString rayClusterName = QStringLiteral("raycluster");

    // One message per wrong field, naming the field and what to type; empty when all are right.
    QStringList problems() const;
    Result<void> validated() const;

    // The lowest Ray release that fixes every advisory applying to `current`; empty when none
    // applies or none is fixed by a release.
    static QString minimumFixedVersion(const AdvisoryDatabase& advisories, const QString& current);
};

} // namespace raysec
