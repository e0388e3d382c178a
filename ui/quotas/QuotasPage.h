#pragma once

#include "core/quotas/AlertEvaluator.h"
#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSystemTrayIcon;
class QTableWidget;

namespace raysec {
class RayClient;
class UsageEngine;
} // namespace raysec

namespace raysec::ui {

class ConsoleContext;

// The Quotas page: per-team usage against hard quotas, cluster totals, the alert list with
// acknowledge (and a desktop notification when an alert is raised) and a what-if panel.
// Usage comes from its own UsageEngine on the selected profile.
class QuotasPage : public QWidget
{
    Q_OBJECT

public:
    explicit QuotasPage(ConsoleContext& context, QWidget* parent = nullptr);
    ~QuotasPage() override;

private:
    void buildUi();
    void connectProfile();
    void showReport(const UsageReport& report);
    void showAlerts();
    void acknowledgeSelected();
    void askWhatIf();

    struct Ui
    {
        QLabel* status = nullptr;
        QTableWidget* teams = nullptr;
        QLabel* cluster = nullptr;
        QListWidget* alerts = nullptr;
        QPushButton* acknowledge = nullptr;
        QPlainTextEdit* submission = nullptr;
        QLabel* answer = nullptr;
    };
    Ui m_ui;
    ConsoleContext& m_context;
    QuotaConfig m_config;
    AlertEvaluator m_evaluator;
    std::unique_ptr<RayClient> m_client;
    UsageEngine* m_engine = nullptr;
    std::optional<UsageReport> m_report;
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace raysec::ui
