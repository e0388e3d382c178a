#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;

namespace raysec::ui {

// What-if: a person pastes a job submission (the JSON body of POST /api/jobs/) and learns
// whether it would fit its team's and key's hard quota and the cluster's free resources, and
// if not, which limit it would break.
class WhatIfPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WhatIfPanel(QWidget* parent = nullptr);

    void setConfig(const QuotaConfig& config) { m_config = config; }
    void setReport(const UsageReport& report) { m_report = report; }
    void ask();

private:
    QuotaConfig m_config;
    std::optional<UsageReport> m_report;
    QPlainTextEdit* m_submission = nullptr;
    QLabel* m_answer = nullptr;
};

} // namespace raysec::ui
