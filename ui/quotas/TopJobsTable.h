#pragma once

#include "core/quotas/UsageReport.h"

#include <QTableWidget>

namespace raysec::ui {

// The jobs holding the most resources right now (CPU first, then GPU), with their team.
class TopJobsTable : public QTableWidget
{
    Q_OBJECT

public:
    explicit TopJobsTable(QWidget* parent = nullptr);

    void showReport(const UsageReport& report);

    static constexpr int shownJobs = 10;
};

} // namespace raysec::ui
