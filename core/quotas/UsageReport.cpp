#include "core/quotas/UsageReport.h"

#include <algorithm>

namespace raysec {

double SubjectUsage::metric(const QString& metricName) const
{
    if (metricName == QLatin1String("jobs")) {
        return activeJobs;
    }
    if (metricName == QLatin1String("submissions/h")) {
        return submissionsLastHour;
    }
    return used.value(metricName);
}

QList<TaskRow> UsageReport::tasksOf(const QString& jobKey) const
{
    QList<TaskRow> rows;
    if (!input) {
        return rows;
    }
    for (const TaskRow& task : input->tasks.rows) {
        if (task.jobId == jobKey && task.state == QLatin1String("RUNNING")) {
            rows.append(task);
        }
    }
    return rows;
}

QList<ActorRow> UsageReport::actorsOf(const QString& jobKey) const
{
    QList<ActorRow> rows;
    if (!input) {
        return rows;
    }
    for (const ActorRow& actor : input->actors.rows) {
        if (actor.jobId == jobKey && actor.state == QLatin1String("ALIVE")) {
            rows.append(actor);
        }
    }
    return rows;
}

QList<JobUsage> UsageReport::topJobs(int count) const
{
    QList<JobUsage> list = jobs.values();
    std::sort(list.begin(), list.end(), [](const JobUsage& a, const JobUsage& b) {
        if (a.used.cpu != b.used.cpu) {
            return a.used.cpu > b.used.cpu;
        }
        return a.used.gpu > b.used.gpu;
    });
    if (list.size() > count) {
        list.resize(count);
    }
    return list;
}

} // namespace raysec
