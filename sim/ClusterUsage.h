#pragma once

#include "sim/ClusterModel.h"

#include <map>
#include <string>
#include <utility>

namespace raysec::sim {

// Logical resource usage as Ray's autoscaler reports it: per resource [used, total] for the
// cluster and per node, including the node:<ip> markers and the <resource>_group_<pgid> entries
// of created placement groups. Used counts running tasks and alive actors outside placement
// groups, the bundles of created placement groups (work inside them uses the reservation) and
// the entrypoint reservations of running submission jobs.
class ClusterUsage
{
public:
    using Usage = std::map<std::string, std::pair<double, double>>;

    static ClusterUsage compute(const ClusterModel& model);

    const Usage& cluster() const { return m_cluster; }
    const std::map<std::string, Usage>& byNode() const { return m_byNode; }

private:
    void addTotals(const ClusterModel& model);
    void addPlacementGroups(const ClusterModel& model);
    void addWork(const std::string& nodeId, const std::string& groupId,
                 const ResourceMap& resources);
    void use(const std::string& nodeId, const std::string& resource, double amount);
    void capAndSum();

    Usage m_cluster;
    std::map<std::string, Usage> m_byNode;
    std::map<std::string, std::string> m_createdGroups; // group id -> a node that holds it
};

} // namespace raysec::sim
