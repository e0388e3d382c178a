#pragma once

#include "core/audit/fixes/RunbookStep.h"

#include <QList>

namespace raysec {

// Orders the manual steps of a hardening plan by phase (keeping the order they were added in
// within a phase) and renders them as Markdown with the exact commands.
class RunbookBuilder
{
public:
    void add(RunbookStep step);
    void add(RunbookPhase phase, const QString& checkId, const QString& title,
             const QStringList& commands, const QString& note = {});

    // The steps in the order the admin follows them.
    QList<RunbookStep> ordered() const;
    QByteArray markdown(const QString& profile) const;

    static QString phaseTitle(RunbookPhase phase);

private:
    QList<RunbookStep> m_steps;
};

} // namespace raysec
