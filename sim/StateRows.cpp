#include "sim/StateRows.h"

namespace raysec::sim {

namespace {

nlohmann::json orNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json orNull(const std::optional<std::string>& text)
{
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json StateRows::node(const SimNode& node, bool detail)
{
    nlohmann::json row = {{"node_id", node.nodeId},      {"node_ip", node.nodeIp},
                          {"is_head_node", node.isHead}, {"state", node.alive ? "ALIVE" : "DEAD"},
                          {"node_name", node.nodeName},  {"resources_total", node.total},
                          {"labels", node.labels}};
    if (detail) {
        row["start_time_ms"] = 1700000000000LL;
        row["end_time_ms"] = node.alive ? 0LL : 1700000600000LL;
        row["state_message"] =
            node.alive ? nlohmann::json(nullptr) : nlohmann::json("Health check failed.");
    }
    return row;
}

nlohmann::json StateRows::task(const SimTask& task, bool detail)
{
    nlohmann::json row = {{"task_id", task.taskId},
                          {"attempt_number", task.attemptNumber},
                          {"name", task.name},
                          {"state", task.state},
                          {"job_id", task.jobId},
                          {"actor_id", orNull(task.actorId)},
                          {"type", task.type},
                          {"func_or_class_name", task.funcOrClassName},
                          {"node_id", orNull(task.nodeId)},
                          {"worker_id", orNull(task.workerId)},
                          {"error_type", orNull(task.errorType)}};
    if (detail) {
        row["required_resources"] = task.requiredResources;
        row["placement_group_id"] = orNull(task.placementGroupId);
        row["start_time_ms"] = task.startTimeMs ? nlohmann::json(task.startTimeMs) : nullptr;
        row["end_time_ms"] = task.endTimeMs ? nlohmann::json(task.endTimeMs) : nullptr;
        row["error_message"] = orNull(task.errorMessage);
        row["language"] = "PYTHON";
        row["runtime_env_info"] = nlohmann::json::object();
    }
    return row;
}

nlohmann::json StateRows::actor(const SimActor& actor, bool detail)
{
    nlohmann::json row = {{"actor_id", actor.actorId}, {"class_name", actor.className},
                          {"state", actor.state},      {"job_id", actor.jobId},
                          {"name", actor.name},        {"node_id", orNull(actor.nodeId)},
                          {"pid", actor.pid},          {"ray_namespace", actor.rayNamespace}};
    if (detail) {
        row["required_resources"] = actor.requiredResources;
        row["placement_group_id"] = orNull(actor.placementGroupId);
        row["is_detached"] = false;
        row["repr_name"] = "";
    }
    return row;
}

nlohmann::json StateRows::placementGroup(const SimPlacementGroup& group, bool detail)
{
    nlohmann::json row = {{"placement_group_id", group.placementGroupId},
                          {"name", group.name},
                          {"creator_job_id", group.creatorJobId},
                          {"state", group.state}};
    if (detail) {
        nlohmann::json bundles = nlohmann::json::array();
        for (std::size_t i = 0; i < group.bundles.size(); ++i) {
            bundles.push_back(
                {{"bundle_id", group.placementGroupId + ":" + std::to_string(i)},
                 {"node_id", i < group.bundleNodeIds.size() ? orNull(group.bundleNodeIds[i])
                                                            : nlohmann::json(nullptr)},
                 {"unit_resources", group.bundles[i]},
                 {"label_selector", nlohmann::json::object()}});
        }
        row["bundles"] = bundles;
        row["is_detached"] = false;
        row["strategy"] = group.strategy;
        row["stats"] = nullptr;
    }
    return row;
}

nlohmann::json StateRows::job(const SimJob& job)
{
    const bool started = !job.jobId.empty();
    return {
        {"type", job.type},
        {"job_id", orNull(job.jobId)},
        {"submission_id", orNull(job.submissionId)},
        {"driver_info", started ? nlohmann::json{{"id", job.jobId},
                                                 {"node_ip_address", job.driverIp},
                                                 {"pid", std::to_string(job.driverPid)}}
                                : nlohmann::json(nullptr)},
        {"status", job.status},
        {"entrypoint", job.entrypoint},
        {"message", orNull(job.message)},
        {"error_type", orNull(job.errorType)},
        {"start_time", job.startTime ? nlohmann::json(job.startTime) : nullptr},
        {"end_time", job.endTime ? nlohmann::json(job.endTime) : nullptr},
        {"metadata", job.metadata},
        {"runtime_env", job.runtimeEnv},
        {"driver_agent_http_address",
         started ? nlohmann::json("http://" + job.driverIp + ":52365") : nlohmann::json(nullptr)},
        {"driver_node_id", orNull(job.driverNodeId)},
        {"driver_exit_code", job.driverExitCode ? nlohmann::json(*job.driverExitCode) : nullptr},
        {"entrypoint_num_cpus", job.entrypointNumCpus},
        {"entrypoint_num_gpus", job.entrypointNumGpus},
        {"entrypoint_memory", std::int64_t(job.entrypointMemory)},
        {"entrypoint_resources", job.entrypointResources}};
}

} // namespace raysec::sim
