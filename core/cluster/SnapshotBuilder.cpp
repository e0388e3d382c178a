#include "core/cluster/SnapshotBuilder.h"

#include "core/cluster/RayParsers.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::SnapshotBuilder)
};

void addListWarnings(const StateListMeta& meta, const QString& what, QStringList& warnings)
{
    if (meta.truncated()) {
        warnings.append(Text::tr("Ray listed %1 of %2 %3; totals cover the listed ones only.")
                            .arg(meta.numAfterTruncation)
                            .arg(meta.total)
                            .arg(what));
    }
    if (!meta.partialFailureWarning.isEmpty()) {
        warnings.append(Text::tr("Ray could not reach every node for the %1: %2")
                            .arg(what, meta.partialFailureWarning));
    }
    for (const QString& w : meta.warnings) {
        warnings.append(Text::tr("Ray warns about the %1: %2").arg(what, w));
    }
}

void applyNodes(NodeList&& list, ClusterSnapshot& snapshot)
{
    for (const NodeInfo& node : std::as_const(list.nodes)) {
        if (node.state == QLatin1String("ALIVE")) {
            ++snapshot.nodesAlive;
        } else if (node.state == QLatin1String("DEAD")) {
            ++snapshot.nodesDead;
        }
    }
    addListWarnings(list.meta, Text::tr("nodes"), snapshot.warnings);
    snapshot.nodes = std::move(list.nodes);
}

void applyClusterStatus(const ClusterStatusInfo& status, ClusterSnapshot& snapshot)
{
    snapshot.nodesPending = status.pendingNodes;
    snapshot.nodesFailedLaunch = status.failedNodes;
    if (status.hasLoadMetrics) {
        snapshot.resources = status.usage;
        return;
    }

    // Without the autoscaler's report Ray gives no usage; show capacity from the node list.
    for (const NodeInfo& node : std::as_const(snapshot.nodes)) {
        if (node.state != QLatin1String("ALIVE")) {
            continue;
        }
        for (auto it = node.resourcesTotal.cbegin(); it != node.resourcesTotal.cend(); ++it) {
            snapshot.resources[it.key()].total += it.value();
        }
    }
    snapshot.warnings.append(Text::tr("Ray reported no resource usage (no autoscaler report); the "
                                      "totals come from the node list and usage shows as 0."));
}

} // namespace

Result<ClusterSnapshot> SnapshotBuilder::build(const RawResponses& raw)
{
    ClusterSnapshot snapshot;

    auto version = RayParsers::parseVersion(raw.version);
    if (!version) {
        return std::unexpected(version.error());
    }
    snapshot.rayVersion = version->rayVersion;
    snapshot.sessionName = version->sessionName;

    snapshot.authMode = AuthModeSeen::NotSupported;
    if (raw.authenticationMode) {
        auto mode = RayParsers::parseAuthMode(*raw.authenticationMode);
        if (!mode) {
            return std::unexpected(mode.error());
        }
        snapshot.authMode = *mode;
        if (*mode == AuthModeSeen::Unknown) {
            snapshot.warnings.append(Text::tr("The cluster reports an authentication mode this "
                                              "version of Raysec does not know."));
        }
    }

    auto nodes = RayParsers::parseNodes(raw.nodes);
    if (!nodes) {
        return std::unexpected(nodes.error());
    }
    applyNodes(std::move(*nodes), snapshot);

    auto status = RayParsers::parseClusterStatus(raw.clusterStatus);
    if (!status) {
        return std::unexpected(status.error());
    }
    applyClusterStatus(*status, snapshot);

    auto jobs = RayParsers::parseJobs(raw.jobs);
    if (!jobs) {
        return std::unexpected(jobs.error());
    }
    snapshot.jobs = std::move(*jobs);

    auto tasks = RayParsers::parseTaskSummary(raw.taskSummary);
    if (!tasks) {
        return std::unexpected(tasks.error());
    }
    snapshot.taskSummary = std::move(tasks->rows);
    snapshot.totalTasks = tasks->totalTasks + tasks->totalActorTasks + tasks->totalActorScheduled;
    addListWarnings(tasks->meta, Text::tr("tasks"), snapshot.warnings);
    return snapshot;
}

} // namespace raysec
