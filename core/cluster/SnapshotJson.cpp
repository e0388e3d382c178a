#include "core/cluster/SnapshotJson.h"

namespace raysec {

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

nlohmann::json time(const std::optional<QDateTime>& t)
{
    return t ? nlohmann::json(str(t->toUTC().toString(Qt::ISODateWithMs))) : nlohmann::json();
}

nlohmann::json jobToJson(const JobInfo& job)
{
    nlohmann::json metadata = nlohmann::json::object();
    for (auto it = job.metadata.cbegin(); it != job.metadata.cend(); ++it) {
        metadata[str(it.key())] = str(it.value());
    }
    return {{"type", str(job.type)},
            {"jobId", str(job.jobId)},
            {"submissionId", str(job.submissionId)},
            {"status", str(job.status)},
            {"entrypoint", str(job.entrypoint)},
            {"message", str(job.message)},
            {"errorType", str(job.errorType)},
            {"startTime", time(job.startTime)},
            {"endTime", time(job.endTime)},
            {"driverExitCode",
             job.driverExitCode ? nlohmann::json(*job.driverExitCode) : nlohmann::json()},
            {"metadata", metadata}};
}

nlohmann::json nodeToJson(const NodeInfo& node)
{
    nlohmann::json resources = nlohmann::json::object();
    for (auto it = node.resourcesTotal.cbegin(); it != node.resourcesTotal.cend(); ++it) {
        resources[str(it.key())] = it.value();
    }
    return {{"nodeId", str(node.nodeId)},     {"nodeIp", str(node.nodeIp)},
            {"nodeName", str(node.nodeName)}, {"state", str(node.state)},
            {"isHeadNode", node.isHeadNode},  {"resourcesTotal", resources}};
}

} // namespace

QString authModeName(AuthModeSeen mode)
{
    switch (mode) {
    case AuthModeSeen::Disabled:
        return QStringLiteral("disabled");
    case AuthModeSeen::Token:
        return QStringLiteral("token");
    case AuthModeSeen::NotSupported:
        return QStringLiteral("not-supported");
    case AuthModeSeen::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

nlohmann::json snapshotToJson(const ClusterSnapshot& s)
{
    nlohmann::json resources = nlohmann::json::object();
    for (auto it = s.resources.cbegin(); it != s.resources.cend(); ++it) {
        resources[str(it.key())] = {{"used", it.value().used}, {"total", it.value().total}};
    }
    nlohmann::json jobs = nlohmann::json::array();
    for (const JobInfo& job : s.jobs) {
        jobs.push_back(jobToJson(job));
    }
    nlohmann::json nodes = nlohmann::json::array();
    for (const NodeInfo& node : s.nodes) {
        nodes.push_back(nodeToJson(node));
    }
    nlohmann::json tasks = nlohmann::json::array();
    for (const TaskSummaryRow& row : s.taskSummary) {
        nlohmann::json counts = nlohmann::json::object();
        for (auto it = row.stateCounts.cbegin(); it != row.stateCounts.cend(); ++it) {
            counts[str(it.key())] = it.value();
        }
        tasks.push_back({{"funcOrClassName", str(row.funcOrClassName)},
                         {"type", str(row.type)},
                         {"stateCounts", counts}});
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const QString& w : s.warnings) {
        warnings.push_back(str(w));
    }
    return {{"dashboardUrl", str(s.dashboardUrl)},
            {"plainHttp", s.plainHttp},
            {"fetchedAt", str(s.fetchedAt.toUTC().toString(Qt::ISODateWithMs))},
            {"rayVersion", str(s.rayVersion)},
            {"sessionName", str(s.sessionName)},
            {"authMode", str(authModeName(s.authMode))},
            {"nodesAlive", s.nodesAlive},
            {"nodesDead", s.nodesDead},
            {"nodesPending", s.nodesPending},
            {"nodesFailedLaunch", s.nodesFailedLaunch},
            {"resources", resources},
            {"totalTasks", s.totalTasks},
            {"taskSummary", tasks},
            {"jobs", jobs},
            {"nodes", nodes},
            {"warnings", warnings}};
}

} // namespace raysec
