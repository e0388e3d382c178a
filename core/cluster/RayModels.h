#pragma once

#include "core/cluster/ClusterSnapshot.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace raysec {

// The parsed answers of the dashboard endpoints, one struct per endpoint. Parsers fill them
// from the raw bodies; SnapshotBuilder combines them into a ClusterSnapshot.

// GET /api/version
struct VersionInfo
{
    QString apiVersion; // "version": the dashboard's API revision
    QString rayVersion;
    QString rayCommit;
    QString sessionName;
};

// GET /api/cluster_status (envelope, camelCase keys).
struct ClusterStatusInfo
{
    bool hasLoadMetrics = false; // false when Ray sent no loadMetricsReport (no autoscaler data)
    QMap<QString, ResourceUsage> usage;
    int activeNodes = 0;
    int pendingNodes = 0;
    int failedNodes = 0;
};

// What every state API list answers besides its rows.
struct StateListMeta
{
    qint64 total = 0;
    qint64 numAfterTruncation = 0;
    qint64 numFiltered = 0;
    QString partialFailureWarning;
    QStringList warnings;

    // True when Ray left rows out because of the request's limit.
    bool truncated() const { return total > numAfterTruncation; }
};

// GET /api/v0/nodes
struct NodeList
{
    StateListMeta meta;
    QList<NodeInfo> nodes;
};

// GET /api/v0/tasks/summarize
struct TaskSummary
{
    StateListMeta meta;
    QList<TaskSummaryRow> rows;
    qint64 totalTasks = 0;
    qint64 totalActorTasks = 0;
    qint64 totalActorScheduled = 0;
};

} // namespace raysec
