#pragma once

#include "sim/ClusterModel.h"

namespace raysec::sim {

// The quota-known scenario: a small fixed cluster whose per-job usage is known in advance
// (docs/simulator.md lists every number). It has work inside a placement group that must not
// be counted twice, actors with default (empty) resources, dead and finished work that must not
// count, entrypoint reservations, and a task list longer than Ray's 10,000-row limit.
class QuotaKnownCluster
{
public:
    static constexpr int kFinishedFillerTasks = 10000;

    static void populate(ClusterModel& model, std::int64_t nowMs);

private:
    static void addNodes(ClusterModel& model);
    static void addJobs(ClusterModel& model, std::int64_t nowMs);
    static void addPlacementGroups(ClusterModel& model);
    static void addActors(ClusterModel& model);
    static void addTasks(ClusterModel& model, std::int64_t nowMs);
};

} // namespace raysec::sim
