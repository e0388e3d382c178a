#include "core/audit/HardeningScore.h"

#include "core/audit/CheckCatalog.h"

#include <cmath>

namespace raysec {

namespace {

int weight(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 10;
    case Severity::High:
        return 6;
    case Severity::Medium:
        return 3;
    case Severity::Low:
        return 1;
    case Severity::Note:
        return 0;
    }
    return 0;
}

} // namespace

HardeningScore HardeningScore::of(const AuditRun& run, const CheckCatalog& catalog,
                                  const QStringList& suppressed)
{
    HardeningScore result;
    int earned = 0;
    int possible = 0;
    for (const CheckResult& r : run.results) {
        const Check* check = catalog.find(r.checkId);
        if (!check || suppressed.contains(r.checkId)) {
            continue;
        }
        if (r.outcome == CheckOutcome::Pass) {
            ++result.passed;
            earned += weight(check->severity);
            possible += weight(check->severity);
        } else if (r.outcome == CheckOutcome::Fail) {
            ++result.failed;
            possible += weight(check->severity);
        } else if (r.outcome == CheckOutcome::Error) {
            ++result.undecided;
        }
    }
    result.score = possible == 0 ? 0 : int(std::lround(100.0 * earned / possible));
    return result;
}

} // namespace raysec
