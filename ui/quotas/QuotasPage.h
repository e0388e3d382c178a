#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

#include <QDateTime>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;

namespace raysec {
struct Error;
class RayClient;
class UsageEngine;
} // namespace raysec

namespace raysec::ui {

class AlertsPanel;
class ConsoleContext;
class QuotaEditor;
class TeamUsageTree;
class TopJobsTable;
class UsageChart;
class WhatIfPanel;

// The Quotas page: live usage of the selected cluster from its own UsageEngine (Ray's state API,
// parsed and aggregated off the GUI thread at the chosen interval) as per-team bars against the
// hard quota with drill-down, a usage history chart, cluster totals and the top jobs; the alert
// list; the policy editor; and what-if. Each refresh is recorded in the usage history and
// evaluated for alerts. Backoff after Ray refused a request and truncated lists are shown.
class QuotasPage : public QWidget
{
    Q_OBJECT

public:
    explicit QuotasPage(ConsoleContext& context, QWidget* parent = nullptr);
    ~QuotasPage() override;

private:
    void buildUi();
    QWidget* buildUsageTab();
    void loadConfig();
    void applyConfig(const QuotaConfig& config);
    void connectProfile();
    void closeEngine();
    void intervalChosen();
    void showReport(const UsageReport& report);
    void showFailure(const Error& error);
    void showClusterTotals(const UsageReport& report);
    void recordHistory(const UsageReport& report);

    struct Ui
    {
        QLabel* status = nullptr;
        QLabel* notice = nullptr;
        QComboBox* interval = nullptr;
        QLabel* cluster = nullptr;
        TeamUsageTree* teams = nullptr;
        UsageChart* chart = nullptr;
        TopJobsTable* topJobs = nullptr;
        AlertsPanel* alerts = nullptr;
        QuotaEditor* editor = nullptr;
        WhatIfPanel* whatIf = nullptr;
    };
    Ui m_ui;
    ConsoleContext& m_context;
    QuotaConfig m_config;
    std::unique_ptr<RayClient> m_client;
    UsageEngine* m_engine = nullptr;
    int m_connection = 0; // counts profile changes, so a late connection is dropped
    QDateTime m_lastMaintenance;
};

} // namespace raysec::ui
