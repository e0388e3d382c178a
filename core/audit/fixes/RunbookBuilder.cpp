#include "core/audit/fixes/RunbookBuilder.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace raysec {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("raysec::RunbookBuilder", text);
}

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
        return tr("Prepare");
    case RunbookPhase::Distribute:
        return tr("Copy the files to the nodes");
    case RunbookPhase::Configure:
        return tr("Configure");
    case RunbookPhase::Stop:
        return tr("Stop Ray");
    case RunbookPhase::Upgrade:
        return tr("Upgrade Ray");
    case RunbookPhase::Start:
        return tr("Start Ray again");
    case RunbookPhase::Gateway:
        return tr("Start the gateway");
    case RunbookPhase::Clients:
        return tr("Clients");
    case RunbookPhase::Verify:
        return tr("Verify");
    }
    return {};
}

QByteArray RunbookBuilder::markdown(const QString& profile) const
{
    QStringList out;
    out << tr("# Hardening runbook for %1").arg(profile) << QString()
        << tr("Follow the steps in order, from the folder this file is in. Ray reads its token "
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
            step.checkId.isEmpty() ? QString() : tr(" (fixes %1)").arg(step.checkId);
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
