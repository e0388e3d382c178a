#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace raysec::sim {

// The records of the fake cluster, one struct per kind of Ray state-API row. They hold what the
// API shows, in Ray's own spelling (states in capitals, ids in hex), as std::string because they
// only ever leave the simulator as JSON.

using ResourceMap = std::map<std::string, double>;

struct SimNode
{
    std::string nodeId;
    std::string nodeIp;
    std::string nodeName;
    bool isHead = false;
    bool alive = true;
    ResourceMap total; // CPU, GPU, memory, object_store_memory
    double objectStoreUsed = 0.0;
    std::map<std::string, std::string> labels;
};

struct SimJob
{
    std::string type = "SUBMISSION"; // or DRIVER
    std::string jobId;               // empty until the driver starts
    std::optional<std::string> submissionId;
    std::string status = "PENDING";
    std::string entrypoint;
    std::string message;
    std::optional<std::string> errorType;
    std::int64_t startTime = 0; // Unix ms
    std::int64_t endTime = 0;   // 0 while not terminal
    std::map<std::string, std::string> metadata;
    nlohmann::json runtimeEnv = nlohmann::json::object();
    std::string driverNodeId;
    std::string driverIp;
    int driverPid = 0;
    std::optional<int> driverExitCode;
    double entrypointNumCpus = 0.0;
    double entrypointNumGpus = 0.0;
    double entrypointMemory = 0.0;
    ResourceMap entrypointResources;
    std::string logs;
    int ticksLeft = 0; // ticks until the next status change
    bool willFail = false;

    bool isTerminal() const
    {
        return status == "SUCCEEDED" || status == "FAILED" || status == "STOPPED";
    }
};

struct SimTask
{
    std::string taskId;
    int attemptNumber = 0;
    std::string name;
    std::string state; // PENDING_NODE_ASSIGNMENT, RUNNING, FINISHED, FAILED
    std::string jobId;
    std::string actorId; // empty for normal tasks
    std::string type = "NORMAL_TASK";
    std::string funcOrClassName;
    std::string nodeId;
    std::string workerId;
    std::string errorType;
    std::string errorMessage;
    ResourceMap requiredResources;
    std::string placementGroupId;
    std::int64_t startTimeMs = 0;
    std::int64_t endTimeMs = 0;
};

struct SimActor
{
    std::string actorId;
    std::string className;
    std::string state; // ALIVE, PENDING_CREATION, RESTARTING, DEAD, DEPENDENCIES_UNREADY
    std::string jobId;
    std::string name;
    std::string nodeId;
    int pid = 0;
    std::string rayNamespace;
    ResourceMap requiredResources;
    std::string placementGroupId;
};

struct SimPlacementGroup
{
    std::string placementGroupId;
    std::string name;
    std::string creatorJobId;
    std::string state; // PENDING, CREATED, REMOVED, RESCHEDULING
    std::string strategy = "PACK";
    std::vector<ResourceMap> bundles;
    std::vector<std::string> bundleNodeIds;
};

} // namespace raysec::sim
