#include "sim/QuotaKnownCluster.h"

namespace raysec::sim {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

std::string repeated(char digit, int bytes)
{
    return std::string(std::size_t(bytes) * 2, digit);
}

const std::string kHead = repeated('a', 28);
const std::string kWorkerGpu = repeated('b', 28);
const std::string kWorker = repeated('c', 28);
const std::string kDeadWorker = repeated('d', 28);
const std::string kGroupAlpha = repeated('1', 18);
const std::string kGroupBeta = repeated('2', 18);
const std::string kGroupPending = repeated('3', 18);

SimNode node(const std::string& id, const std::string& ip, double cpu, double gpu, double memoryGiB,
             double storeGiB, double storeUsedGiB)
{
    SimNode node;
    node.nodeId = id;
    node.nodeIp = ip;
    node.nodeName = ip;
    node.total = {
        {"CPU", cpu}, {"memory", memoryGiB * kGiB}, {"object_store_memory", storeGiB * kGiB}};
    if (gpu > 0) {
        node.total["GPU"] = gpu;
    }
    node.objectStoreUsed = storeUsedGiB * kGiB;
    return node;
}

SimJob job(const std::string& jobId, const char* submissionId, const char* status, const char* team,
           const std::string& entrypoint)
{
    SimJob job;
    job.jobId = jobId;
    if (submissionId) {
        job.submissionId = submissionId;
    } else {
        job.type = "DRIVER";
    }
    job.status = status;
    if (team) {
        job.metadata["team"] = team;
    }
    job.entrypoint = entrypoint;
    job.driverNodeId = kHead;
    job.driverIp = "10.1.0.1";
    job.driverPid = jobId.empty() ? 0 : 4000 + int(std::stoul(jobId.substr(0, 2), nullptr, 16));
    job.message = "Job is " + std::string(status) + ".";
    job.logs = "Running " + entrypoint + "\n";
    return job;
}

} // namespace

void QuotaKnownCluster::populate(ClusterModel& model, std::int64_t nowMs)
{
    addNodes(model);
    addJobs(model, nowMs);
    addPlacementGroups(model);
    addActors(model);
    addTasks(model, nowMs);
}

void QuotaKnownCluster::addNodes(ClusterModel& model)
{
    SimNode head = node(kHead, "10.1.0.1", 8, 0, 32, 8, 1);
    head.isHead = true;
    model.nodes().push_back(std::move(head));
    model.nodes().push_back(node(kWorkerGpu, "10.1.0.2", 16, 2, 64, 16, 2));
    model.nodes().push_back(node(kWorker, "10.1.0.3", 16, 0, 64, 16, 0));
    SimNode dead = node(kDeadWorker, "10.1.0.4", 16, 0, 64, 16, 0);
    dead.alive = false;
    model.nodes().push_back(std::move(dead));
}

void QuotaKnownCluster::addJobs(ClusterModel& model, std::int64_t nowMs)
{
    SimJob alpha = job("01000000", "raysubmit_quotaAlpha0000001", "RUNNING", "vision",
                       "python train_alpha.py");
    alpha.entrypointNumCpus = 1;
    SimJob beta =
        job("02000000", "raysubmit_quotaBeta00000002", "RUNNING", "nlp", "python serve_beta.py");
    beta.entrypointNumCpus = 0.5;
    beta.entrypointMemory = 1 * kGiB;
    SimJob driver = job("03000000", nullptr, "RUNNING", nullptr, "python notebook_driver.py");
    SimJob done =
        job("04000000", "raysubmit_quotaDone00000004", "SUCCEEDED", "vision", "python etl_done.py");
    done.entrypointNumCpus = 1;
    done.endTime = nowMs - 60'000;
    done.driverExitCode = 0;
    SimJob pending = job("", "raysubmit_quotaWait00000005", "PENDING", "nlp", "python waiting.py");
    pending.entrypointNumCpus = 2;
    pending.driverPid = 0;
    pending.driverNodeId.clear();

    for (SimJob* each : {&alpha, &beta, &driver, &done, &pending}) {
        each->startTime = nowMs - 3'600'000;
        model.jobs().push_back(std::move(*each));
    }
    for (int i = 0; i < 4; ++i) {
        model.takeJobNumber(); // job ids 01 to 04 are taken
    }
}

void QuotaKnownCluster::addPlacementGroups(ClusterModel& model)
{
    SimPlacementGroup alpha{kGroupAlpha,       "alpha-pg", "01000000",
                            "CREATED",         "PACK",     {{{"CPU", 2.0}}, {{"CPU", 2.0}}},
                            {kWorker, kWorker}};
    SimPlacementGroup beta{kGroupBeta, "beta-pg-removed", "02000000", "REMOVED",
                           "PACK",     {{{"CPU", 8.0}}},  {""}};
    SimPlacementGroup waiting{kGroupPending, "driver-pg-pending", "03000000", "PENDING",
                              "SPREAD",      {{{"CPU", 2.0}}},    {""}};
    model.placementGroups() = {alpha, beta, waiting};
}

void QuotaKnownCluster::addActors(ClusterModel& model)
{
    SimIds& ids = model.ids();
    auto add = [&](const char* cls, const char* state, const char* jobId, const std::string& nodeId,
                   ResourceMap resources, const std::string& group) {
        model.actors().push_back(SimActor{ids.hex(16), cls, state, jobId, "", nodeId,
                                          ids.between(2000, 9000), "quota-known",
                                          std::move(resources), group});
    };
    add("ParameterServer", "ALIVE", "01000000", kHead, {}, "");
    add("Trainer", "ALIVE", "01000000", kWorker, {{"CPU", 1.0}}, kGroupAlpha);
    add("Predictor", "ALIVE", "02000000", kWorkerGpu, {{"CPU", 1.0}}, "");
    add("Predictor", "DEAD", "02000000", kWorkerGpu, {{"CPU", 4.0}}, "");
    add("NotebookHelper", "ALIVE", "03000000", kHead, {}, "");
}

void QuotaKnownCluster::addTasks(ClusterModel& model, std::int64_t nowMs)
{
    SimIds& ids = model.ids();
    auto add = [&](int count, const char* state, const char* jobId, const std::string& nodeId,
                   ResourceMap resources, const std::string& group, const char* function) {
        for (int i = 0; i < count; ++i) {
            SimTask task;
            task.taskId = ids.hex(24);
            task.name = function;
            task.funcOrClassName = function;
            task.state = state;
            task.jobId = jobId;
            task.nodeId = nodeId;
            task.workerId = ids.hex(28);
            task.requiredResources = resources;
            task.placementGroupId = group;
            task.startTimeMs = nowMs - 120'000;
            task.endTimeMs = std::string(state) == "FINISHED" ? nowMs - 60'000 : 0;
            model.tasks().push_back(std::move(task));
        }
    };
    add(4, "RUNNING", "01000000", kWorker, {{"CPU", 1.0}}, "", "train_shard");
    add(2, "RUNNING", "01000000", kWorker, {{"CPU", 1.0}}, kGroupAlpha, "train_in_group");
    add(3, "FINISHED", "01000000", kWorker, {{"CPU", 1.0}}, "", "train_shard");
    add(1, "PENDING_NODE_ASSIGNMENT", "01000000", "", {{"CPU", 1.0}}, "", "train_shard");
    add(2, "RUNNING", "02000000", kWorkerGpu, {{"CPU", 2.0}, {"GPU", 1.0}}, "", "embed");
    add(1, "RUNNING", "02000000", kWorkerGpu, {{"CPU", 0.5}, {"memory", 2 * kGiB}}, "", "tokenize");
    add(3, "RUNNING", "03000000", kHead, {{"CPU", 1.0}}, "", "notebook_cell");
    // The filler that pushes the task list past Ray's 10,000-row limit: finished work of a
    // finished job, listed after every running task so the numbers above stay exact.
    add(kFinishedFillerTasks, "FINISHED", "04000000", kWorker, {{"CPU", 1.0}}, "", "etl_step");
}

} // namespace raysec::sim
