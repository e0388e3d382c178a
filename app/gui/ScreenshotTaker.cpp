#include "ScreenshotTaker.h"

#include "core/cluster/ClusterMonitor.h"
#include "ui/ConsoleContext.h"
#include "ui/main/MainWindow.h"
#include "ui/overview/OverviewPage.h"

#include <QApplication>
#include <QFileInfo>
#include <QListWidget>
#include <QPixmap>
#include <QTextStream>

namespace raysec::gui {

ScreenshotTaker::ScreenshotTaker(ui::MainWindow& window, QString path, int timeoutSeconds,
                                 QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_path(QFileInfo(path).absoluteFilePath())
{
    // The overview must be the visible page, or it never paints.
    m_window.navigation()->setCurrentRow(0);
    auto* overview = qobject_cast<ui::OverviewPage*>(m_window.page(QStringLiteral("overview")));
    if (overview) {
        connect(overview, &ui::OverviewPage::snapshotPainted, this, [this] {
            // Let the remaining layout and paint events of this round settle first.
            QTimer::singleShot(50, this, &ScreenshotTaker::capture);
        });
    }
    connect(&m_window.context(), &ui::ConsoleContext::monitorChanged, this,
            &ScreenshotTaker::watchMonitor);
    watchMonitor();

    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this, timeoutSeconds] {
        QString message = QApplication::translate(
                              "raysec", "No cluster data arrived within %1 seconds; no "
                                        "screenshot was taken.")
                              .arg(timeoutSeconds);
        if (!m_lastError.isEmpty()) {
            message += QLatin1Char(' ') +
                       QApplication::translate("raysec", "Last error: %1").arg(m_lastError);
        }
        finish(3, message);
    });
    m_timeout.start(timeoutSeconds * 1000);
}

void ScreenshotTaker::abandon(const Error& error)
{
    finish(2, error.text());
}

void ScreenshotTaker::watchMonitor()
{
    if (ClusterMonitor* monitor = m_window.context().monitor()) {
        connect(monitor, &ClusterMonitor::failed, this,
                [this](const Error& error) { m_lastError = error.text(); });
    }
}

void ScreenshotTaker::capture()
{
    if (m_done) {
        return;
    }
    const QPixmap image = m_window.grab();
    if (image.isNull() || !image.save(m_path, "PNG")) {
        finish(4, QApplication::translate("raysec", "Could not write the screenshot to %1.")
                      .arg(m_path));
        return;
    }
    QTextStream(stdout) << m_path << Qt::endl;
    finish(0, {});
}

void ScreenshotTaker::finish(int code, const QString& message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timeout.stop();
    if (!message.isEmpty()) {
        QTextStream(stderr) << message << Qt::endl;
    }
    QCoreApplication::exit(code);
}

} // namespace raysec::gui
