#include "core/audit/RunDiff.h"

#include <QSet>

namespace raysec {

namespace {

std::optional<CheckOutcome> decided(const AuditRun& run, const QString& id)
{
    const CheckResult* r = run.result(id);
    if (!r || (r->outcome != CheckOutcome::Pass && r->outcome != CheckOutcome::Fail)) {
        return std::nullopt;
    }
    return r->outcome;
}

} // namespace

RunDiff RunDiff::between(const AuditRun& before, const AuditRun& after)
{
    QStringList ids;
    for (const AuditRun* run : {&before, &after}) {
        for (const CheckResult& r : run->results) {
            if (!ids.contains(r.checkId)) {
                ids.append(r.checkId);
            }
        }
    }
    RunDiff diff;
    for (const QString& id : ids) {
        const auto was = decided(before, id);
        const auto now = decided(after, id);
        if (!was || !now) {
            const bool failsNow = now == CheckOutcome::Fail;
            (failsNow ? diff.newlyFailing : diff.undecided).append(id);
        } else if (*now == CheckOutcome::Fail) {
            (*was == CheckOutcome::Fail ? diff.stillFailing : diff.newlyFailing).append(id);
        } else if (*was == CheckOutcome::Fail) {
            diff.nowPassing.append(id);
        }
    }
    return diff;
}

} // namespace raysec
