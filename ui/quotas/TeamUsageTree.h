#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

#include <QTreeWidget>

namespace raysec::ui {

// Per-team usage against the hard quota, one bar per limited metric (CPU, GPU, memory,
// concurrent jobs), with drill-down: a team opens to its jobs, a job to its running tasks and
// alive actors (filled in when the job is opened). What was open stays open across refreshes.
class TeamUsageTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        CpuColumn,
        GpuColumn,
        MemoryColumn,
        JobsColumn,
        DetailColumn,
        ColumnCount
    };

    explicit TeamUsageTree(QWidget* parent = nullptr);

    void showReport(const UsageReport& report, const QuotaConfig& config);

private:
    void addTeam(const SubjectUsage& team, const QuotaPolicy* policy);
    void addJob(QTreeWidgetItem* teamItem, const QString& key, const JobUsage& job);
    void setBar(QTreeWidgetItem* item, int column, double used, std::optional<double> limit,
                bool bytes);
    void fillJob(QTreeWidgetItem* jobItem);
    QSet<QString> expandedKeys() const;

    std::optional<UsageReport> m_report;
};

} // namespace raysec::ui
