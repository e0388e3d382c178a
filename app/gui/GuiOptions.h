#pragma once

#include <QString>

class QApplication;

namespace raysec::gui {

// The console's command line: --demo, --screenshot FILE, --data-dir DIR.
struct GuiOptions
{
    bool demo = false;
    QString screenshotPath;
    int screenshotTimeoutSeconds = 60;
    QString dataDir;

    // Parses the application's arguments; on --help, --version or a usage error it prints and
    // returns the exit code in `exitCode`, and the caller stops.
    static GuiOptions parse(const QApplication& app, int* exitCode);
};

} // namespace raysec::gui
