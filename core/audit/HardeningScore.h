#pragma once

#include "core/audit/AuditRun.h"

#include <QStringList>

namespace raysec {

class CheckCatalog;

// A 0-100 figure for how hardened a cluster is: passing checks weighted by severity (critical
// 10, high 6, medium 3, low 1) over all decided checks. Suppressed checks are left out, so
// accepting a risk neither raises nor lowers the score.
struct HardeningScore
{
    int score = 0;
    int passed = 0;
    int failed = 0;
    int undecided = 0;

    static HardeningScore of(const AuditRun& run, const CheckCatalog& catalog,
                             const QStringList& suppressed = {});
};

} // namespace raysec
