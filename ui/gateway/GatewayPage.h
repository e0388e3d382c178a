#pragma once

#include "core/gatewayclient/GatewayMetrics.h"
#include "core/gatewayclient/GatewayStatus.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace raysec::ui {

class ConsoleContext;
class ErrorBanner;
class GatewayDashboard;

// The Gateway page: polls raysec-gateway's loopback admin listener for its health, the versions
// of its signed bundles and its metrics, and shows the rate-limit dashboard. Every request is
// asynchronous; the GUI thread never waits on the network.
class GatewayPage : public QWidget
{
    Q_OBJECT

public:
    explicit GatewayPage(ConsoleContext& context, QWidget* parent = nullptr);

    bool polling() const;
    GatewayDashboard* dashboard() const { return m_ui.dashboard; }

    // Starts polling the address in the address field; false (with a banner) if it is refused.
    bool startPolling();
    void stopPolling();

Q_SIGNALS:
    void statusUpdated(const raysec::GatewayStatusReport& report);

private:
    void buildUi();
    void poll();
    void showReport(const GatewayStatusReport& report);
    void showFailure(const Error& error);
    void recordLastUse();

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLineEdit* address = nullptr;
        QSpinBox* interval = nullptr;
        QPushButton* start = nullptr;
        QPushButton* jobPolicy = nullptr;
        QLabel* health = nullptr;
        QLabel* connections = nullptr;
        QLabel* bundles = nullptr;
        QLabel* totals = nullptr;
        GatewayDashboard* dashboard = nullptr;
    };

    ConsoleContext& m_context;
    Ui m_ui;
    GatewayStatus* m_status;
    QTimer* m_timer;
    GatewayMetrics m_metrics;
    QElapsedTimer m_elapsed;
    bool m_registryReady = false; // the key registry's tables exist in the store
    QString m_admin;
};

} // namespace raysec::ui
