#include "core/audit/fixes/RunbookBuilder.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RunbookBuilder)
};

} // namespace

void RunbookBuilder::add(RunbookStep step)
{
    m_steps.append(std::move(step));
}

void RunbookBuilder::add(RunbookPhase phase, const QString& checkId, const QString& title,
                         const QStringList& commands, const QString& note)
{
    add(RunbookStep{phase, checkId, title, commands, note});
}

QList<RunbookStep> RunbookBuilder::ordered() const
{
    QList<RunbookStep> steps = m_steps;
    std::stable_sort(steps.begin(), steps.end(), [](const RunbookStep& a, const RunbookStep& b) {
        return int(a.phase) < int(b.phase);
    });
    return steps;
}

QString RunbookBuilder::phaseTitle(RunbookPhase phase)
{
    switch (phase) {
    case RunbookPhase::Prepare:
        return Text::tr("Prepare");
    case RunbookPhase::Distribute:
        return Text::tr("Copy the files to the nodes");
    case RunbookPhase::Configure:
        return Text::tr("Configure");
    case RunbookPhase::Stop:
        return Text::tr("Stop Ray");
    case RunbookPhase::Upgrade:
        return Text::tr("Upgrade Ray");
    case RunbookPhase::Start:
        return Text::tr("Start Ray again");
    case RunbookPhase::Gateway:
        return Text::tr("Start the gateway");
    case RunbookPhase::Clients:
        return Text::tr("Clients");
    case RunbookPhase::Verify:
        return Text::tr("Verify");
    }
    return {};
}

QByteArray RunbookBuilder::markdown(const QString& profile) const
{
    QStringList out;
    out << Text::tr("# Hardening runbook for %1").arg(profile) << QString()
        << Text::tr(
               "Follow the steps in order, from the folder this file is in. Ray reads its token "
               "and certificates only when it starts, so the restarts come after the files are "
               "in place. NODE stands for each worker's address, HEAD for the head's.")
        << QString();
    int number = 0;
    std::optional<RunbookPhase> phase;
    for (const RunbookStep& step : ordered()) {
        if (phase != step.phase) {
            phase = step.phase;
            out << QStringLiteral("## ") + phaseTitle(step.phase) << QString();
        }
        const QString fixes =
            step.checkId.isEmpty() ? QString() : Text::tr(" (fixes %1)").arg(step.checkId);
        out << QStringLiteral("%1. %2%3").arg(++number).arg(step.title, fixes);
        if (!step.note.isEmpty()) {
            out << QString() << QStringLiteral("   ") + step.note;
        }
        if (!step.commands.isEmpty()) {
            out << QString() << QStringLiteral("   ```sh");
            for (const QString& command : step.commands) {
                out << QStringLiteral("   ") + command;
            }
            out << QStringLiteral("   ```");
        }
        out << QString();
    }
    return out.join(u'\n').toUtf8();
}

} // namespace raysec
