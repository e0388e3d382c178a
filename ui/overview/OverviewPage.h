#pragma once

#include "core/cluster/ClusterSnapshot.h"
#include "core/common/Error.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace raysec {
class ClusterMonitor;
}

namespace raysec::ui {

class ClusterSummary;
class ConsoleContext;
class ErrorBanner;
class JobsPanel;
class ResourceBar;

// The first page of the console: what the selected cluster is running and how exposed it is.
// Fed by the context's snapshots; errors and untrusted certificates from the monitor show in an
// inline banner, where an unknown certificate can be pinned after checking its fingerprint.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPage(ConsoleContext& context, QWidget* parent = nullptr);

    ClusterSummary* summary() const { return m_ui.summary; }
    JobsPanel* jobs() const { return m_ui.jobs; }
    ErrorBanner* banner() const { return m_ui.banner; }
    ResourceBar* resourceBar(const QString& resource) const;
    QString lastRefreshText() const;
    QSpinBox* intervalControl() const { return m_ui.interval; }

Q_SIGNALS:
    // Emitted after the first paint that shows a new snapshot.
    void snapshotPainted();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void buildUi();
    QWidget* buildResources();
    QWidget* buildFooter();
    void showProfile();
    void showSnapshot(const ClusterSnapshot& snapshot);
    void attachMonitor();
    void showFailure(const Error& error);
    void showUntrusted(const QString& subject, const QString& fingerprint, const QString& spkiPin);
    void pinCertificate();
    void changeInterval(int seconds);

    struct Ui
    {
        QLabel* title = nullptr;
        QLabel* address = nullptr;
        QLabel* placeholder = nullptr;
        ErrorBanner* banner = nullptr;
        ErrorBanner* notes = nullptr;
        QWidget* body = nullptr;
        ClusterSummary* summary = nullptr;
        QList<QPair<QString, ResourceBar*>> resources;
        JobsPanel* jobs = nullptr;
        QLabel* lastRefresh = nullptr;
        QSpinBox* interval = nullptr;
        QPushButton* refresh = nullptr;
    };
    Ui m_ui;
    ConsoleContext& m_context;
    QPointer<ClusterMonitor> m_monitor;
    QString m_pendingPin;
    bool m_paintPending = false;
};

} // namespace raysec::ui
