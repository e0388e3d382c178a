#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/CheckCatalog.h"

#include <QList>
#include <QStringList>

namespace raysec {

// One way to fix a finding: "generate" makes the artefacts, "skip" leaves the finding open.
struct FixOption
{
    QString id;
    QString label; // translated
};

// An open finding of a scan and the fix chosen for it.
struct PlannedFix
{
    QString checkId;
    QString title;
    QString fixKind;
    QString fixDescription;
    QList<FixOption> options;
    QString chosen; // an option id

    bool isSkipped() const { return chosen == QLatin1String("skip"); }
};

// The fixes for every failing check of a run, in catalog order, each with its options; the
// first option (a fix) is chosen by default.
class HardeningPlan
{
public:
    static constexpr const char* generateOption = "generate";
    static constexpr const char* applyOption = "apply"; // quota: also save it in the store
    static constexpr const char* skipOption = "skip";

    static HardeningPlan fromRun(const AuditRun& run, const CheckCatalog& catalog);
    static QList<FixOption> optionsFor(const QString& fixKind);

    const QList<PlannedFix>& fixes() const { return m_fixes; }
    const PlannedFix* find(const QString& checkId) const;
    // False, changing nothing, when the check or option is not part of the plan.
    bool choose(const QString& checkId, const QString& optionId);

    // Fix kinds with at least one finding not skipped, in the order generators run.
    QStringList chosenKinds() const;
    QStringList checksFor(const QString& fixKind) const; // not skipped
    QString optionFor(const QString& fixKind) const;     // the first non-skip choice
    bool isEmpty() const { return chosenKinds().isEmpty(); }

private:
    QList<PlannedFix> m_fixes;
};

} // namespace raysec
