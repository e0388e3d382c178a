#pragma once

#include "core/common/Error.h"

#include <QObject>
#include <QTimer>

namespace raysec::ui {
class MainWindow;
}

namespace raysec::gui {

// --screenshot: waits until the Overview has painted its first snapshot, saves the main window
// as a PNG, prints the file's path and quits with 0. Quits non-zero with the reason when no
// snapshot arrives in time or the file cannot be written.
class ScreenshotTaker : public QObject
{
    Q_OBJECT

public:
    ScreenshotTaker(ui::MainWindow& window, QString path, int timeoutSeconds,
                    QObject* parent = nullptr);

    // A failure before any data (the demo cluster did not start): report it and quit.
    void abandon(const Error& error);

private:
    void watchMonitor();
    void capture();
    void finish(int code, const QString& message);

    ui::MainWindow& m_window;
    QString m_path;
    QTimer m_timeout;
    QString m_lastError;
    bool m_done = false;
};

} // namespace raysec::gui
