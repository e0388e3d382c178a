#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/Finding.h"
#include "core/common/Error.h"

namespace raysec {

class CheckCatalog;
class Database;

// Audit runs, findings and suppressions per cluster profile, in the store (module "audit").
// Recording a run updates each finding's first and last seen in the same transaction.
class AuditHistory
{
public:
    explicit AuditHistory(Database& db);

    Result<void> migrate();
    Result<qint64> record(const AuditRun& run);
    // Runs of a profile, newest first, at most `limit`.
    Result<QList<AuditRun>> runs(const QString& profile, int limit = 50) const;
    Result<AuditRun> run(qint64 id) const;
    // Every check that ever failed on the profile, with its status at `now`.
    Result<QList<Finding>> findings(const QString& profile, const CheckCatalog& catalog,
                                    const QDateTime& now) const;
    // Suppresses a check until `expires`; the reason is required and `expires` must be later
    // than `now`.
    Result<void> suppress(const QString& profile, const QString& checkId, const QString& reason,
                          const QDateTime& expires, const QDateTime& now);
    Result<void> unsuppress(const QString& profile, const QString& checkId);

private:
    Result<void> updateFindings(const AuditRun& run, qint64 runId);
    Result<std::optional<Suppression>> suppression(const QString& profile,
                                                   const QString& checkId) const;

    Database& m_db;
};

} // namespace raysec
