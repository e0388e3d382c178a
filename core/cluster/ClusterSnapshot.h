#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <optional>

namespace raysec {

// One job as the Jobs API reports it; fields Ray may leave null are optional or empty.
struct JobInfo
{
    QString type;         // SUBMISSION or DRIVER
    QString jobId;        // hex, may be empty
    QString submissionId; // may be empty for DRIVER jobs
    QString status;       // PENDING, RUNNING, STOPPED, SUCCEEDED, FAILED
    QString entrypoint;   // cluster-supplied text: show as plain text only
    QString message;
    std::optional<QDateTime> startTime;
    std::optional<QDateTime> endTime;
    QMap<QString, QString> metadata;

    bool isTerminal() const;
};

// used/total of one logical resource, from cluster_status' loadMetricsReport.usage.
struct ResourceUsage
{
    double used = 0;
    double total = 0;
};

// Task counts from /api/v0/tasks/summarize: per function name, per state.
struct TaskSummaryRow
{
    QString funcOrClassName;
    QString type;
    QMap<QString, qint64> stateCounts;
};

enum class AuthModeSeen
{
    Unknown,
    Disabled,
    Token,
    NotSupported
};

// Everything the Overview shows about a cluster at one moment.
struct ClusterSnapshot
{
    QString rayVersion;
    QString sessionName;
    AuthModeSeen authMode = AuthModeSeen::Unknown;
    int nodesAlive = 0;
    int nodesDead = 0;
    // Keys: "CPU", "GPU", "memory", "object_store_memory" and custom resources.
    QMap<QString, ResourceUsage> resources;
    QList<JobInfo> jobs;
    QList<TaskSummaryRow> taskSummary;
    qint64 totalTasks = 0;
    QDateTime fetchedAt;
    bool plainHttp = false;
    QStringList warnings; // translated notes, such as truncated lists
};

} // namespace raysec

Q_DECLARE_METATYPE(raysec::ClusterSnapshot)
