#pragma once

#include "sim/ClusterRecords.h"
#include "sim/SimIds.h"

#include <cstdint>
#include <string>
#include <vector>

namespace raysec::sim {

// The evolving state of the fake cluster: nodes, jobs, tasks, actors and placement groups.
// The API classes read it and the Jobs API changes it; tick() moves time on (jobs progress from
// PENDING to RUNNING to SUCCEEDED or FAILED, new jobs appear, tasks start and finish, object
// store usage moves).
class ClusterModel
{
public:
    explicit ClusterModel(std::uint64_t seed);

    std::vector<SimNode>& nodes() { return m_nodes; }
    std::vector<SimJob>& jobs() { return m_jobs; }
    std::vector<SimTask>& tasks() { return m_tasks; }
    std::vector<SimActor>& actors() { return m_actors; }
    std::vector<SimPlacementGroup>& placementGroups() { return m_placementGroups; }
    const std::vector<SimNode>& nodes() const { return m_nodes; }
    const std::vector<SimJob>& jobs() const { return m_jobs; }
    const std::vector<SimTask>& tasks() const { return m_tasks; }
    const std::vector<SimActor>& actors() const { return m_actors; }
    const std::vector<SimPlacementGroup>& placementGroups() const { return m_placementGroups; }
    SimIds& ids() { return m_ids; }

    // Whether tick() may add jobs of its own (off for the fixed scenarios).
    void setSpawnsJobs(bool spawns) { m_spawnsJobs = spawns; }
    void tick(std::int64_t nowMs);

    // Adds a submitted job in PENDING; fills in its submission id when it has none.
    const SimJob& submit(SimJob job, std::int64_t nowMs);
    // Looks a job up by submission id, then by job id.
    SimJob* findJob(const std::string& id);
    // Stops a job that has not finished; false when it already had.
    bool stop(SimJob& job, std::int64_t nowMs);
    // Removes a job that is in a terminal state; false when it is not.
    bool remove(const std::string& id);

    std::uint32_t takeJobNumber() { return m_nextJobNumber++; }
    const SimNode& headNode() const { return m_nodes.front(); }

private:
    void advanceJob(SimJob& job, std::int64_t nowMs);
    void startJob(SimJob& job, std::int64_t nowMs);
    void moveTasks(std::int64_t nowMs);
    void moveObjectStore();

    SimIds m_ids;
    std::vector<SimNode> m_nodes;
    std::vector<SimJob> m_jobs;
    std::vector<SimTask> m_tasks;
    std::vector<SimActor> m_actors;
    std::vector<SimPlacementGroup> m_placementGroups;
    std::uint32_t m_nextJobNumber = 1;
    bool m_spawnsJobs = true;
};

} // namespace raysec::sim
