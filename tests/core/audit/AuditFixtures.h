#pragma once

#include "core/audit/AuditRun.h"

#include <QDateTime>

namespace raysec::test {

// A finished run on profile "lab" at `when` with the given outcomes per check id.
inline AuditRun makeRun(const QDateTime& when, const QList<QPair<QString, CheckOutcome>>& outcomes)
{
    AuditRun run;
    run.profile = QStringLiteral("lab");
    run.dashboardUrl = QStringLiteral("http://127.0.0.1:8265");
    run.startedAt = when.addSecs(-5);
    run.finishedAt = when;
    run.rayVersion = QStringLiteral("2.52.0");
    for (const auto& [id, outcome] : outcomes) {
        run.results.append(
            CheckResult{id,
                        outcome,
                        QStringLiteral("detail of %1").arg(id),
                        {Evidence{QStringLiteral("GET /api/jobs/"), 200, QStringLiteral("[]")}}});
    }
    return run;
}

} // namespace raysec::test
