#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/HardeningScore.h"
#include "core/audit/RunDiff.h"

namespace raysec {

class CheckCatalog;

// The hardening wizard's closing report: both scores, which checks the fixes turned to pass,
// which still fail (and which now fail that did not before), as Markdown.
struct BeforeAfterReport
{
    HardeningScore before;
    HardeningScore after;
    RunDiff diff;
    QString profile;
    QString rayBefore;
    QString rayAfter;

    static BeforeAfterReport of(const AuditRun& before, const AuditRun& after,
                                const CheckCatalog& catalog);
    QByteArray markdown(const CheckCatalog& catalog) const;
};

} // namespace raysec
