#include "sim/ClusterStatusApi.h"

#include "sim/RayEnvelope.h"

#include <QDateTime>

#include <map>

namespace raysec::sim {

namespace {

nlohmann::json usageJson(const ClusterUsage::Usage& usage)
{
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [resource, pair] : usage) {
        object[resource] = {pair.first, pair.second};
    }
    return object;
}

std::string formatBytes(double bytes)
{
    return QStringLiteral("%1GiB").arg(bytes / (1024.0 * 1024.0 * 1024.0), 0, 'f', 2).toStdString();
}

std::string timestamp(std::int64_t nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz000"))
        .toStdString();
}

} // namespace

ClusterStatusApi::ClusterStatusApi(const ClusterModel& model)
    : m_model(model)
{
}

std::optional<HttpReply> ClusterStatusApi::handle(const ApiRequest& request) const
{
    if (request.path != QLatin1String("/api/cluster_status")) {
        return std::nullopt;
    }
    if (!request.isGet()) {
        return HttpReply::methodNotAllowed();
    }
    const ClusterUsage usage = ClusterUsage::compute(m_model);
    if (request.queryValue("format") == QLatin1String("1")) {
        return HttpReply::json(RayEnvelope::camelCase(
            "Got formatted cluster status.", {{"cluster_status", text(usage, request.nowMs)}}));
    }
    return HttpReply::json(RayEnvelope::camelCase(
        "Got cluster status.", {{"autoscaling_status", nullptr},
                                {"autoscaling_error", nullptr},
                                {"cluster_status", structured(usage, request.nowMs)}}));
}

nlohmann::json ClusterStatusApi::structured(const ClusterUsage& usage, std::int64_t nowMs) const
{
    nlohmann::json byNode = nlohmann::json::object();
    for (const auto& [nodeId, nodeUsage] : usage.byNode()) {
        byNode[nodeId] = usageJson(nodeUsage);
    }
    std::map<std::string, int> demand;
    for (const SimTask& task : m_model.tasks()) {
        if (task.state == "PENDING_NODE_ASSIGNMENT") {
            demand[nlohmann::json(task.requiredResources).dump()] += 1;
        }
    }
    nlohmann::json resourceDemand = nlohmann::json::array();
    for (const auto& [shape, count] : demand) {
        resourceDemand.push_back({nlohmann::json::parse(shape), count});
    }
    nlohmann::json pgDemand = nlohmann::json::array();
    for (const SimPlacementGroup& group : m_model.placementGroups()) {
        if (group.state == "PENDING") {
            pgDemand.push_back({{{"bundles", group.bundles}, {"strategy", group.strategy}}, 1});
        }
    }
    return {{"load_metrics_report",
             {{"usage", usageJson(usage.cluster())},
              {"usage_by_node", byNode},
              {"resource_demand", resourceDemand},
              {"pg_demand", pgDemand},
              {"request_demand", nlohmann::json::array()},
              {"node_types", nlohmann::json::array()}}},
            {"time", double(nowMs) / 1000.0},
            {"monitor_pid", 4242},
            {"autoscaler_report", autoscalerReport()}};
}

nlohmann::json ClusterStatusApi::autoscalerReport() const
{
    int workers = 0;
    nlohmann::json failed = nlohmann::json::array();
    for (const SimNode& node : m_model.nodes()) {
        if (!node.alive) {
            failed.push_back({node.nodeIp, "ray.worker.default"});
        } else if (!node.isHead) {
            ++workers;
        }
    }
    nlohmann::json active = {{"ray.head.default", 1}};
    if (workers > 0) {
        active["ray.worker.default"] = workers;
    }
    return {{"active_nodes", active},
            {"idle_nodes", nlohmann::json::object()},
            {"pending_nodes", nlohmann::json::array()},
            {"pending_launches", nlohmann::json::object()},
            {"failed_nodes", failed}};
}

std::string ClusterStatusApi::text(const ClusterUsage& usage, std::int64_t nowMs) const
{
    const nlohmann::json report = autoscalerReport();
    std::string out = "======== Autoscaler status: " + timestamp(nowMs) + " ========\n";
    out += "Node status\n" + std::string(63, '-') + "\nActive:\n";
    for (const auto& [type, count] : report["active_nodes"].items()) {
        out += " " + std::to_string(count.get<int>()) + " " + type + "\n";
    }
    out += "Pending:\n (no pending nodes)\nRecent failures:\n";
    if (report["failed_nodes"].empty()) {
        out += " (no failures)\n";
    }
    for (const auto& node : report["failed_nodes"]) {
        out += " " + node[1].get<std::string>() +
               ": NodeTerminated (ip: " + node[0].get<std::string>() + ")\n";
    }
    out += "\nResources\n" + std::string(63, '-') + "\nUsage:\n";
    for (const auto& [resource, pair] : usage.cluster()) {
        if (resource.starts_with("node:") || resource.find("_group_") != std::string::npos) {
            continue;
        }
        const bool bytes = resource == "memory" || resource == "object_store_memory";
        out +=
            " " +
            (bytes ? formatBytes(pair.first) : QString::number(pair.first, 'f', 1).toStdString()) +
            "/" +
            (bytes ? formatBytes(pair.second)
                   : QString::number(pair.second, 'f', 1).toStdString()) +
            " " + resource + "\n";
    }
    out += "\nDemands:\n (no resource demands)\n";
    return out;
}

} // namespace raysec::sim
