#pragma once

#include "core/audit/AuditRun.h"

#include <QStringList>

namespace raysec {

// What changed between two runs on the same cluster, by check id.
struct RunDiff
{
    QStringList newlyFailing; // fail now, did not fail before
    QStringList nowPassing;   // failed before, pass now
    QStringList stillFailing;
    QStringList undecided; // not evaluated in one of the runs (error, not applicable, absent)

    static RunDiff between(const AuditRun& before, const AuditRun& after);
    bool improved() const { return newlyFailing.isEmpty() && !nowPassing.isEmpty(); }
};

} // namespace raysec
