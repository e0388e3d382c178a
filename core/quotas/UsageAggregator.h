#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

namespace raysec {

// Derives per-job, per-team and per-key usage from Ray's state lists (Ray has no per-job
// accounting of its own). What counts, per job:
// - running normal tasks' required_resources (a task without the field holds Ray's default of
//   1 CPU); actor tasks are skipped because their actor holds the resources;
// - alive actors' required_resources (an actor without the field, or with an empty one, holds
//   0 CPU: Ray's default actor needs 1 CPU to be scheduled and 0 while it lives);
// - created placement groups' bundles, under the creating job; tasks and actors inside a
//   counted placement group are then skipped, so nothing is counted twice;
// - the entrypoint reservation (entrypoint_num_cpus and friends) of a RUNNING job, when the
//   job listing carries it.
// Placement-group shadow resources, node markers and object_store_memory are never summed.
class UsageAggregator
{
public:
    static UsageReport aggregate(std::shared_ptr<const UsageInput> input, const QuotaConfig& config,
                                 const QDateTime& now);

    // The resources a task holds when Ray reported none for it.
    static ResourceSet defaultTaskResources();
};

} // namespace raysec
