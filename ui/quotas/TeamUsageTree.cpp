#include "ui/quotas/TeamUsageTree.h"

#include <QHeaderView>
#include <QLocale>
#include <QProgressBar>

namespace raysec::ui {

namespace {

constexpr int keyRole = Qt::UserRole;
constexpr int jobKeyRole = Qt::UserRole + 1;
// A job with more work than this shows the first rows and says how many were left out.
constexpr int maxWorkRows = 500;

QString amount(double value, bool bytes)
{
    return bytes ? QLocale().formattedDataSize(qint64(value)) : QLocale().toString(value);
}

QString resourcesText(const std::optional<ResourceSet>& set)
{
    if (!set) {
        return TeamUsageTree::tr("resources not reported");
    }
    QStringList parts;
    for (const QString& name : set->names()) {
        parts.append(QStringLiteral("%1=%2").arg(name, QLocale().toString(set->value(name))));
    }
    return parts.isEmpty() ? TeamUsageTree::tr("no resources") : parts.join(QLatin1String(", "));
}

} // namespace

TeamUsageTree::TeamUsageTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Team / job / work"), tr("CPU"), tr("GPU"), tr("Memory"), tr("Active jobs"),
                     tr("Details")});
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setStretchLastSection(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::itemExpanded, this, &TeamUsageTree::fillJob);
}

void TeamUsageTree::showReport(const UsageReport& report, const QuotaConfig& config)
{
    const QSet<QString> expanded = expandedKeys();
    m_report = report;
    clear();
    for (const SubjectUsage& team : report.teams) {
        addTeam(team, config.find(QuotaSubject::Team, team.name));
    }
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        if (expanded.contains((*it)->data(NameColumn, keyRole).toString())) {
            (*it)->setExpanded(true);
        }
    }
    for (int column = NameColumn; column < DetailColumn; ++column) {
        resizeColumnToContents(column);
    }
}

void TeamUsageTree::addTeam(const SubjectUsage& team, const QuotaPolicy* policy)
{
    auto* item = new QTreeWidgetItem(this, {team.name});
    item->setData(NameColumn, keyRole, QStringLiteral("team:") + team.name);
    const QuotaLimits hard = policy ? policy->hard : QuotaLimits{};
    setBar(item, CpuColumn, team.used.cpu, hard.cpu, false);
    setBar(item, GpuColumn, team.used.gpu, hard.gpu, false);
    setBar(item, MemoryColumn, team.used.memory, hard.memory, true);
    setBar(item, JobsColumn, team.activeJobs, hard.limit(QStringLiteral("jobs")), false);
    item->setText(DetailColumn, policy ? tr("%n submission(s) in the last hour", nullptr,
                                            team.submissionsLastHour)
                                       : tr("no quota set"));
    for (const QString& key : team.jobKeys) {
        addJob(item, key, m_report->jobs.value(key));
    }
}

void TeamUsageTree::setBar(QTreeWidgetItem* item, int column, double used,
                           std::optional<double> limit, bool bytes)
{
    if (!limit || *limit <= 0) {
        item->setText(column, amount(used, bytes));
        return;
    }
    auto* bar = new QProgressBar(this);
    bar->setRange(0, 100);
    bar->setValue(int(std::min(100.0, 100 * used / *limit)));
    bar->setFormat(tr("%1 of %2").arg(amount(used, bytes), amount(*limit, bytes)));
    bar->setToolTip(used > *limit ? tr("Over the hard quota.") : QString());
    setItemWidget(item, column, bar);
}

void TeamUsageTree::addJob(QTreeWidgetItem* teamItem, const QString& key, const JobUsage& job)
{
    auto* item = new QTreeWidgetItem(teamItem, {job.displayId()});
    item->setData(NameColumn, keyRole, QStringLiteral("job:") + key);
    item->setData(NameColumn, jobKeyRole, key);
    item->setText(CpuColumn, amount(job.used.cpu, false));
    item->setText(GpuColumn, amount(job.used.gpu, false));
    item->setText(MemoryColumn, amount(job.used.memory, true));
    item->setText(DetailColumn, tr("%1: %2").arg(job.status, job.entrypoint));
    if (job.runningTasks + job.aliveActors > 0) {
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
    }
}

void TeamUsageTree::fillJob(QTreeWidgetItem* jobItem)
{
    const QString key = jobItem->data(NameColumn, jobKeyRole).toString();
    if (key.isEmpty() || jobItem->childCount() > 0 || !m_report) {
        return;
    }
    int rows = 0;
    const QList<TaskRow> tasks = m_report->tasksOf(key);
    const QList<ActorRow> actors = m_report->actorsOf(key);
    for (const TaskRow& task : tasks) {
        if (rows++ < maxWorkRows) {
            auto* item = new QTreeWidgetItem(jobItem, {tr("task %1").arg(task.name)});
            item->setText(DetailColumn, tr("%1, %2").arg(task.state, resourcesText(task.required)));
        }
    }
    for (const ActorRow& actor : actors) {
        if (rows++ < maxWorkRows) {
            auto* item = new QTreeWidgetItem(jobItem, {tr("actor %1").arg(actor.className)});
            item->setText(DetailColumn,
                          tr("%1, %2").arg(actor.state, resourcesText(actor.required)));
        }
    }
    if (rows > maxWorkRows) {
        new QTreeWidgetItem(jobItem, {tr("… and %n more", nullptr, rows - maxWorkRows)});
    }
}

QSet<QString> TeamUsageTree::expandedKeys() const
{
    QSet<QString> keys;
    for (QTreeWidgetItemIterator it(const_cast<TeamUsageTree*>(this)); *it != nullptr; ++it) {
        if ((*it)->isExpanded()) {
            keys.insert((*it)->data(NameColumn, keyRole).toString());
        }
    }
    return keys;
}

} // namespace raysec::ui
