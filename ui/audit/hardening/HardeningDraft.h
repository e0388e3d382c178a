#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"
#include "core/audit/fixes/HardeningPlan.h"
#include "core/store/ClusterProfile.h"

#include <QLoggingCategory>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcUiHardening)

namespace raysec::ui {

// What the hardening wizard's pages share: the profile, the first scan, the chosen fixes, the
// generated files (with the new token in guarded memory), where they were written, and the
// rescan. Pages read and fill it in order.
struct HardeningDraft
{
    ClusterProfile profile;
    std::optional<AuditRun> before;
    HardeningPlan plan;
    HardeningInputs inputs;
    std::optional<HardeningOutput> output;
    QString folder;      // where the files were written; empty until then
    QStringList written; // absolute paths
    QList<ConsoleChange> applied;
    std::optional<AuditRun> after;

    // Forgets everything that depends on the fixes (after the plan or inputs changed).
    void dropOutput()
    {
        output.reset();
        folder.clear();
        written.clear();
        applied.clear();
        after.reset();
    }
};

} // namespace raysec::ui
