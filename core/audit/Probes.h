#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/Check.h"

namespace raysec {

class Database;
class ProbeContext;

// The passive probes, one function per probe name in the checks file. Each reads the check's
// params, talks to the cluster only through the context's guarded transport and returns the
// outcome with its evidence.
namespace probes {

using Function = CheckResult (*)(const Check&, ProbeContext&);

// The probe for a name from CheckCatalog::probeNames(); nullptr for an unknown name.
Function find(const QString& name);

CheckResult result(const Check& check, CheckOutcome outcome, const QString& detail,
                   QList<Evidence> evidence = {});

CheckResult dashboardUnauthenticated(const Check& check, ProbeContext& ctx);
CheckResult tokenAuthMode(const Check& check, ProbeContext& ctx);
CheckResult versionAdvisories(const Check& check, ProbeContext& ctx);
CheckResult browserGuard(const Check& check, ProbeContext& ctx);

CheckResult transportHttps(const Check& check, ProbeContext& ctx);
CheckResult tlsProtocol(const Check& check, ProbeContext& ctx);
CheckResult tlsCertificate(const Check& check, ProbeContext& ctx);
CheckResult tlsExpiry(const Check& check, ProbeContext& ctx);
CheckResult tlsKeyStrength(const Check& check, ProbeContext& ctx);

CheckResult portsReachable(const Check& check, ProbeContext& ctx);
CheckResult rateLimit(const Check& check, ProbeContext& ctx);

CheckResult quotaPolicy(const Check& check, ProbeContext& ctx);
// Rows of the quota module's policy table in the store, when the table exists.
std::optional<qint64> countQuotaPolicies(Database& store);
CheckResult jobRuntimeEnv(const Check& check, ProbeContext& ctx);
CheckResult jobEntrypoint(const Check& check, ProbeContext& ctx);

} // namespace probes

} // namespace raysec
