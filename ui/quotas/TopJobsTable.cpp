#include "ui/quotas/TopJobsTable.h"

#include <QHeaderView>
#include <QLocale>

namespace raysec::ui {

TopJobsTable::TopJobsTable(QWidget* parent)
    : QTableWidget(0, 6, parent)
{
    setHorizontalHeaderLabels(
        {tr("Job"), tr("Team"), tr("CPU"), tr("GPU"), tr("Memory"), tr("Status")});
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
}

void TopJobsTable::showReport(const UsageReport& report)
{
    const QList<JobUsage> jobs = report.topJobs(shownJobs);
    const QLocale locale;
    setRowCount(int(jobs.size()));
    for (int row = 0; row < jobs.size(); ++row) {
        const JobUsage& job = jobs.at(row);
        const QStringList cells{job.displayId(),
                                job.team,
                                locale.toString(job.used.cpu),
                                locale.toString(job.used.gpu),
                                locale.formattedDataSize(qint64(job.used.memory)),
                                job.status};
        for (int column = 0; column < cells.size(); ++column) {
            setItem(row, column, new QTableWidgetItem(cells.at(column)));
        }
    }
    resizeColumnsToContents();
}

} // namespace raysec::ui
