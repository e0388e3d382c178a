#pragma once

#include <QString>
#include <QStringList>

namespace raysec {

// When a manual step has to happen. Ray reads its token and certificates only when a process
// starts, so every restart comes after the files are on the nodes and configured.
enum class RunbookPhase
{
    Prepare,    // before touching the cluster: back-ups, keeping keys safe
    Distribute, // copy the generated files to the nodes
    Configure,  // point Ray, the gateway and the firewall at them
    Stop,       // stop Ray everywhere
    Upgrade,    // install the fixed Ray release while it is stopped
    Start,      // start Ray so it reads the new files
    Gateway,    // start what runs in front of Ray
    Clients,    // give clients what they now need
    Verify      // rescan
};

// One step of the runbook: a title, the exact commands, and why.
struct RunbookStep
{
    RunbookPhase phase = RunbookPhase::Configure;
    QString checkId; // the finding it fixes; empty for shared steps
    QString title;
    QStringList commands;
    QString note;
};

} // namespace raysec
