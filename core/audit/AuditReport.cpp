#include "core/audit/AuditReport.h"

#include "core/audit/CheckCatalog.h"

namespace raysec {

AuditReport AuditReport::fromRun(const AuditRun& run, const CheckCatalog& catalog)
{
    AuditReport report;
    report.catalog = &catalog;
    report.run = run;
    report.generatedAt = QDateTime::currentDateTimeUtc();
    for (const CheckResult& r : run.results) {
        const Check* check = catalog.find(r.checkId);
        if (!check || r.outcome != CheckOutcome::Fail) {
            continue;
        }
        Finding f = Finding::forCheck(*check);
        f.firstSeen = run.finishedAt;
        f.lastSeen = run.finishedAt;
        f.detail = r.detail;
        f.evidence = r.evidence;
        report.findings.append(std::move(f));
    }
    report.score = HardeningScore::of(run, catalog);
    return report;
}

QList<Finding> AuditReport::ordered() const
{
    QList<Finding> list;
    for (const Check& check : catalog->checks()) {
        for (const Finding& f : findings) {
            if (f.checkId == check.id) {
                list.append(f);
            }
        }
    }
    return list;
}

bool AuditReport::hasOpenAtLeast(Severity severity) const
{
    for (const Finding& f : findings) {
        if (f.status == FindingStatus::Open && f.severity >= severity) {
            return true;
        }
    }
    return false;
}

} // namespace raysec
