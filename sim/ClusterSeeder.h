#pragma once

#include "sim/ClusterModel.h"
#include "sim/SimOptions.h"

namespace raysec::sim {

// Fills a ClusterModel with a generated cluster of the sizes in the options. The same seed and
// sizes always give the same cluster; --hostile swaps user-supplied text for HostileText.
class ClusterSeeder
{
public:
    ClusterSeeder(ClusterModel& model, const SimOptions& options, std::int64_t nowMs);

    void populate();

private:
    void addNodes();
    void addJobs();
    void addPlacementGroups();
    void addActors();
    void addTasks();
    std::string text(int n, const std::string& normal);
    const SimJob& pickJob(bool preferRunning);
    const SimNode& pickAliveNode();

    ClusterModel& m_model;
    const SimOptions& m_options;
    SimIds& m_ids;
    std::int64_t m_now;
};

} // namespace raysec::sim
