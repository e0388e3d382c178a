#include "core/audit/Probes.h"

#include <QHash>

namespace raysec::probes {

Function find(const QString& name)
{
    static const QHash<QString, Function> table{
        {QStringLiteral("dashboard-unauthenticated"), &dashboardUnauthenticated},
        {QStringLiteral("token-auth-mode"), &tokenAuthMode},
        {QStringLiteral("version-advisories"), &versionAdvisories},
        {QStringLiteral("browser-guard"), &browserGuard},
        {QStringLiteral("transport-https"), &transportHttps},
        {QStringLiteral("tls-protocol"), &tlsProtocol},
        {QStringLiteral("tls-certificate"), &tlsCertificate},
        {QStringLiteral("tls-expiry"), &tlsExpiry},
        {QStringLiteral("tls-key-strength"), &tlsKeyStrength},
        {QStringLiteral("ports-reachable"), &portsReachable},
        {QStringLiteral("rate-limit"), &rateLimit},
        {QStringLiteral("quota-policy"), &quotaPolicy},
        {QStringLiteral("job-runtime-env"), &jobRuntimeEnv},
        {QStringLiteral("job-entrypoint"), &jobEntrypoint},
    };
    return table.value(name, nullptr);
}

} // namespace raysec::probes
