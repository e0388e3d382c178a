#include "sim/ClusterUsage.h"

#include <algorithm>

namespace raysec::sim {

ClusterUsage ClusterUsage::compute(const ClusterModel& model)
{
    ClusterUsage usage;
    usage.addTotals(model);
    usage.addPlacementGroups(model);
    for (const SimTask& task : model.tasks()) {
        if (task.state == "RUNNING") {
            usage.addWork(task.nodeId, task.placementGroupId, task.requiredResources);
        }
    }
    for (const SimActor& actor : model.actors()) {
        if (actor.state == "ALIVE") {
            usage.addWork(actor.nodeId, actor.placementGroupId, actor.requiredResources);
        }
    }
    for (const SimJob& job : model.jobs()) {
        if (job.status == "RUNNING" && job.type == "SUBMISSION") {
            ResourceMap reservation = job.entrypointResources;
            reservation["CPU"] += job.entrypointNumCpus;
            reservation["GPU"] += job.entrypointNumGpus;
            reservation["memory"] += job.entrypointMemory;
            usage.addWork(job.driverNodeId, {}, reservation);
        }
    }
    usage.capAndSum();
    return usage;
}

void ClusterUsage::addTotals(const ClusterModel& model)
{
    for (const SimNode& node : model.nodes()) {
        if (!node.alive) {
            continue;
        }
        Usage& usage = m_byNode[node.nodeId];
        for (const auto& [resource, amount] : node.total) {
            usage[resource].second += amount;
        }
        usage["object_store_memory"].first = node.objectStoreUsed;
        usage["node:" + node.nodeIp] = {0.0, 1.0};
        if (node.isHead) {
            usage["node:__internal_head__"] = {0.0, 1.0};
        }
    }
}

void ClusterUsage::addPlacementGroups(const ClusterModel& model)
{
    for (const SimPlacementGroup& group : model.placementGroups()) {
        if (group.state != "CREATED") {
            continue;
        }
        for (std::size_t i = 0; i < group.bundles.size(); ++i) {
            const std::string nodeId =
                i < group.bundleNodeIds.size() ? group.bundleNodeIds[i] : std::string();
            if (!m_byNode.contains(nodeId)) {
                continue;
            }
            m_createdGroups.emplace(group.placementGroupId, nodeId);
            Usage& usage = m_byNode[nodeId];
            for (const auto& [resource, amount] : group.bundles[i]) {
                usage[resource].first += amount; // the reservation takes the base resource
                usage[resource + "_group_" + group.placementGroupId].second += amount;
                usage[resource + "_group_" + std::to_string(i) + "_" + group.placementGroupId]
                    .second += amount;
            }
        }
    }
}

void ClusterUsage::addWork(const std::string& nodeId, const std::string& groupId,
                           const ResourceMap& resources)
{
    const auto group = m_createdGroups.find(groupId);
    for (const auto& [resource, amount] : resources) {
        if (amount == 0.0) {
            continue;
        }
        if (group != m_createdGroups.end()) {
            use(group->second, resource + "_group_" + groupId, amount);
        } else {
            use(nodeId, resource, amount);
        }
    }
}

void ClusterUsage::use(const std::string& nodeId, const std::string& resource, double amount)
{
    const auto node = m_byNode.find(nodeId);
    if (node == m_byNode.end()) {
        return; // work on a dead or unknown node holds nothing
    }
    node->second[resource].first += amount;
}

void ClusterUsage::capAndSum()
{
    for (auto& [nodeId, usage] : m_byNode) {
        for (auto& [resource, pair] : usage) {
            // A generated cluster can have more running work than room; Ray never shows that.
            pair.first = std::min(pair.first, pair.second);
            m_cluster[resource].first += pair.first;
            m_cluster[resource].second += pair.second;
        }
    }
}

} // namespace raysec::sim
