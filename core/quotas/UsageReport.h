#pragma once

#include "core/quotas/StateRows.h"

#include <QDateTime>
#include <QMap>
#include <QMetaType>

#include <memory>

namespace raysec {

// What the usage engine was given: the parsed state lists, the job listing and (optionally)
// the nodes, plus notes from fetching (pages split, lists still truncated).
struct UsageInput
{
    TaskList tasks;
    ActorList actors;
    PlacementGroupList placementGroups;
    QList<JobRow> jobs;
    std::optional<QList<NodeRow>> nodes;
    QStringList fetchNotes;
};

// Usage of one job: what its running tasks, alive actors, created placement groups and
// entrypoint hold right now.
struct JobUsage
{
    QString jobId;
    QString submissionId;
    QString entrypoint;
    QString status;
    QString team;
    QString keyId;
    ResourceSet used;
    int runningTasks = 0;
    int aliveActors = 0;
    int placementGroups = 0;
    bool active = false; // PENDING or RUNNING, or unknown to the job listing but holding work

    QString displayId() const { return submissionId.isEmpty() ? jobId : submissionId; }
};

// Usage of a team or an API key: summed resources, active jobs and submissions in the last hour.
struct SubjectUsage
{
    QString name;
    ResourceSet used;
    int activeJobs = 0;
    int submissionsLastHour = 0;
    QStringList jobKeys; // keys into UsageReport::jobs

    // The value of a metric named as in QuotaLimits::limit().
    double metric(const QString& name) const;
};

// The result of one aggregation. `input` is kept for drill-down to tasks and actors.
struct UsageReport
{
    QDateTime at;
    QMap<QString, JobUsage> jobs;
    QMap<QString, SubjectUsage> teams;
    QMap<QString, SubjectUsage> keys;
    ResourceSet clusterUsed;
    std::optional<ResourceSet> clusterCapacity; // alive nodes' totals, when nodes were read
    bool truncated = false;
    QStringList notes; // translated: truncated lists, assumptions applied
    std::shared_ptr<const UsageInput> input;

    QList<TaskRow> tasksOf(const QString& jobKey) const;
    QList<ActorRow> actorsOf(const QString& jobKey) const;
    // Jobs sorted by CPU then GPU held, largest first.
    QList<JobUsage> topJobs(int count) const;
};

} // namespace raysec

Q_DECLARE_METATYPE(raysec::UsageReport)
