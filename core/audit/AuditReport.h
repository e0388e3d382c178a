#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/Finding.h"
#include "core/audit/HardeningScore.h"

#include <QDateTime>

namespace raysec {

class CheckCatalog;

// Everything a report shows about one run: the run itself, the findings with their status and
// the score. The JSON, SARIF and HTML renderers read only this.
struct AuditReport
{
    const CheckCatalog* catalog = nullptr;
    AuditRun run;
    QList<Finding> findings;
    HardeningScore score;
    QDateTime generatedAt;

    // A report for a run that is not in the store: every failing check is an open finding.
    static AuditReport fromRun(const AuditRun& run, const CheckCatalog& catalog);
    // Findings of the run's checks, in catalog order; fixed findings from earlier runs follow.
    QList<Finding> ordered() const;
    bool hasOpenAtLeast(Severity severity) const;
};

} // namespace raysec
