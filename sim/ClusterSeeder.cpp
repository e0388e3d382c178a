#include "sim/ClusterSeeder.h"

#include "sim/HostileText.h"

#include <array>

namespace raysec::sim {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

const std::array<const char*, 6> kFunctions = {"preprocess", "train_step", "evaluate",
                                               "load_shard", "tokenize",   "write_results"};
const std::array<const char*, 4> kActorClasses = {"ParameterServer", "Trainer", "Predictor",
                                                  "DataWorker"};
const std::array<const char*, 4> kTeams = {"vision", "nlp", "recsys", "platform"};

} // namespace

ClusterSeeder::ClusterSeeder(ClusterModel& model, const SimOptions& options, std::int64_t nowMs)
    : m_model(model)
    , m_options(options)
    , m_ids(model.ids())
    , m_now(nowMs)
{
}

void ClusterSeeder::populate()
{
    addNodes();
    addJobs();
    addPlacementGroups();
    addActors();
    addTasks();
}

std::string ClusterSeeder::text(int n, const std::string& normal)
{
    return m_options.hostile ? HostileText::sample(n, normal + " ") : normal;
}

void ClusterSeeder::addNodes()
{
    const int count = std::max(1, m_options.nodes);
    for (int i = 0; i < count; ++i) {
        SimNode node;
        node.nodeId = m_ids.hex(28);
        node.isHead = i == 0;
        node.nodeIp = "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1);
        node.nodeName = node.nodeIp;
        node.alive = node.isHead || i % 25 != 24;
        const bool gpu = !node.isHead && i % 4 == 1;
        node.total = {{"CPU", node.isHead ? 8.0 : 16.0},
                      {"memory", (node.isHead ? 32.0 : 64.0) * kGiB},
                      {"object_store_memory", (node.isHead ? 8.0 : 16.0) * kGiB}};
        if (gpu) {
            node.total["GPU"] = 4.0;
            node.labels["ray.io/accelerator-type"] = "A100";
        }
        node.labels["ray.io/node-id"] = node.nodeId;
        node.objectStoreUsed = node.total["object_store_memory"] * m_ids.unit() * 0.5;
        m_model.nodes().push_back(std::move(node));
    }
}

void ClusterSeeder::addJobs()
{
    static const std::array<const char*, 5> statuses = {"SUCCEEDED", "FAILED", "STOPPED", "RUNNING",
                                                        "PENDING"};
    for (int i = 0; i < m_options.jobs; ++i) {
        SimJob job;
        const bool driver = i % 5 == 4;
        job.type = driver ? "DRIVER" : "SUBMISSION";
        if (!driver) {
            job.submissionId = m_ids.submissionId();
        }
        job.status = statuses[std::size_t(i < 2 ? 3 : m_ids.between(0, 4))];
        job.entrypoint = text(i, "python " + std::string(kFunctions[std::size_t(i) % 6]) + ".py");
        job.metadata["team"] = text(i + 1, kTeams[std::size_t(i) % kTeams.size()]);
        job.startTime = m_now - std::int64_t(m_ids.between(60, 86400)) * 1000;
        job.entrypointNumCpus = driver ? 0.0 : 1.0;
        job.ticksLeft = m_ids.between(1, 8);
        job.willFail = m_ids.unit() < 0.2;
        if (job.status != "PENDING") {
            job.jobId = SimIds::jobId(m_model.takeJobNumber());
            job.driverNodeId = m_model.headNode().nodeId;
            job.driverIp = m_model.headNode().nodeIp;
            job.driverPid = m_ids.between(1000, 60000);
        }
        job.message = text(i + 2, job.status == "FAILED" ? "Job entrypoint command failed."
                                                         : "Job is " + job.status + ".");
        if (job.isTerminal()) {
            job.endTime = job.startTime + std::int64_t(m_ids.between(5, 3600)) * 1000;
            job.driverExitCode = job.status == "SUCCEEDED" ? 0 : 1;
            job.errorType = job.status == "FAILED"
                                ? std::optional<std::string>("JOB_ENTRYPOINT_COMMAND_ERROR")
                                : std::nullopt;
        }
        job.logs = text(i + 3, "Running " + job.entrypoint) + "\n";
        m_model.jobs().push_back(std::move(job));
    }
}

void ClusterSeeder::addPlacementGroups()
{
    for (int i = 0; i < m_options.placementGroups; ++i) {
        SimPlacementGroup group;
        group.placementGroupId = m_ids.hex(18);
        group.name = text(i, "pg-" + std::to_string(i));
        group.creatorJobId = pickJob(true).jobId;
        group.state = i % 10 == 9 ? "REMOVED" : (i % 10 == 8 ? "PENDING" : "CREATED");
        group.strategy = i % 2 ? "SPREAD" : "PACK";
        const int bundles = m_ids.between(1, 4);
        for (int b = 0; b < bundles; ++b) {
            group.bundles.push_back({{"CPU", double(m_ids.between(1, 4))}});
            group.bundleNodeIds.push_back(pickAliveNode().nodeId);
        }
        m_model.placementGroups().push_back(std::move(group));
    }
}

void ClusterSeeder::addActors()
{
    static const std::array<const char*, 5> states = {"ALIVE", "ALIVE", "ALIVE", "DEAD",
                                                      "PENDING_CREATION"};
    for (int i = 0; i < m_options.actors; ++i) {
        SimActor actor;
        actor.actorId = m_ids.hex(16);
        actor.className = kActorClasses[std::size_t(i) % kActorClasses.size()];
        actor.state = states[std::size_t(m_ids.between(0, 4))];
        actor.jobId = pickJob(true).jobId;
        actor.name = text(i, i % 3 ? "" : "actor-" + std::to_string(i));
        actor.nodeId = pickAliveNode().nodeId;
        actor.pid = m_ids.between(1000, 60000);
        actor.rayNamespace = m_ids.hex(16);
        if (i % 3 == 1) {
            actor.requiredResources = {{"CPU", 1.0}};
        } else if (i % 3 == 2) {
            actor.requiredResources = {{"GPU", 1.0}, {"CPU", 1.0}};
        }
        m_model.actors().push_back(std::move(actor));
    }
}

void ClusterSeeder::addTasks()
{
    static const std::array<const char*, 5> states = {"RUNNING", "RUNNING", "FINISHED",
                                                      "PENDING_NODE_ASSIGNMENT", "FAILED"};
    const auto& groups = m_model.placementGroups();
    for (int i = 0; i < m_options.tasks; ++i) {
        SimTask task;
        task.taskId = m_ids.hex(24);
        task.funcOrClassName = kFunctions[std::size_t(i) % kFunctions.size()];
        task.name = text(i, task.funcOrClassName);
        task.state = states[std::size_t(m_ids.between(0, 4))];
        task.jobId = pickJob(task.state == "RUNNING").jobId;
        task.nodeId = pickAliveNode().nodeId;
        task.workerId = m_ids.hex(28);
        task.requiredResources = {{"CPU", i % 7 == 0 ? 0.5 : 1.0}};
        if (!groups.empty() && i % 5 == 0) {
            task.placementGroupId = groups[std::size_t(i / 5) % groups.size()].placementGroupId;
        }
        task.startTimeMs = m_now - std::int64_t(m_ids.between(1, 3600)) * 1000;
        if (task.state == "FAILED") {
            task.errorType = "TASK_EXECUTION_EXCEPTION";
            task.errorMessage = text(i, "ValueError: bad shard");
        }
        if (task.state == "FINISHED" || task.state == "FAILED") {
            task.endTimeMs = task.startTimeMs + 500;
        }
        m_model.tasks().push_back(std::move(task));
    }
}

const SimJob& ClusterSeeder::pickJob(bool preferRunning)
{
    static const SimJob none;
    const auto& jobs = m_model.jobs();
    if (jobs.empty()) {
        return none;
    }
    for (int attempt = 0; attempt < 8 && preferRunning; ++attempt) {
        const SimJob& job = jobs[std::size_t(m_ids.between(0, int(jobs.size()) - 1))];
        if (job.status == "RUNNING") {
            return job;
        }
    }
    const SimJob& job = jobs[std::size_t(m_ids.between(0, int(jobs.size()) - 1))];
    return job.jobId.empty() ? jobs.front() : job;
}

const SimNode& ClusterSeeder::pickAliveNode()
{
    const auto& nodes = m_model.nodes();
    const SimNode& node = nodes[std::size_t(m_ids.between(0, int(nodes.size()) - 1))];
    return node.alive ? node : nodes.front();
}

} // namespace raysec::sim
