#pragma once

#include "core/quotas/AlertEvaluator.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSystemTrayIcon;

namespace raysec {
class AlertHook;
class Database;
} // namespace raysec

namespace raysec::ui {

// The quota alert list: evaluates each usage report (with hysteresis), records raised and
// cleared alerts in the store, shows a desktop notification and calls the configured webhook or
// command for each raised alert, and lets a person acknowledge alerts.
class AlertsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AlertsPanel(Database& store, QWidget* parent = nullptr);

    // New thresholds, hysteresis and hooks; alerts already open stay raised.
    void setConfig(const QuotaConfig& config);
    void evaluate(const UsageReport& report);
    void reloadList();

Q_SIGNALS:
    void alertsRaised(int count);

private:
    void acknowledgeSelected();
    void updateButton();
    void showProblem(const QString& text);

    Database& m_store;
    QuotaConfig m_config;
    AlertEvaluator m_evaluator;
    AlertHook* m_hook = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_acknowledge = nullptr;
    QLabel* m_problem = nullptr;
};

} // namespace raysec::ui
