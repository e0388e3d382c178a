#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

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
    QString errorType; // may be empty
    std::optional<qint64> driverExitCode;

    bool isTerminal() const;
};

// One node as the state API (/api/v0/nodes) reports it.
struct NodeInfo
{
    QString nodeId;
    QString nodeIp;
    QString nodeName;
    QString state; // ALIVE or DEAD; other values are kept verbatim
    bool isHeadNode = false;
    // Logical resources, without the node:<ip> and placement-group entries.
    QMap<QString, double> resourcesTotal;
    QMap<QString, QString> labels;
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
    int nodesPending = 0;      // autoscaler: nodes being launched
    int nodesFailedLaunch = 0; // autoscaler: nodes that failed to launch
    QList<NodeInfo> nodes;
    // Keys: "CPU", "GPU", "memory", "object_store_memory" and custom resources.
    QMap<QString, ResourceUsage> resources;
    QList<JobInfo> jobs;
    QList<TaskSummaryRow> taskSummary;
    qint64 totalTasks = 0;
    QDateTime fetchedAt;
    QString dashboardUrl;
    bool plainHttp = false; // the GUI shows a warning: traffic is not encrypted
    QStringList warnings;   // translated notes, such as truncated lists
};

} // namespace raysec

Q_DECLARE_METATYPE(raysec::ClusterSnapshot)
