#pragma once

#include "core/audit/fixes/HardeningInputs.h"
#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

// network-policy: Ray's ports (GCS, Ray Client, dashboard, agent, metrics, workers) reachable
// only from the cluster's own network: an nftables rule set for hosts and a Kubernetes
// NetworkPolicy for KubeRay pods.
class NetworkPolicyFix
{
public:
    static constexpr auto nftablesFile = "network/ray-firewall.nft";
    static constexpr auto kubeFile = "kubernetes/ray-networkpolicy.yaml";

    static Result<void> generate(const HardeningInputs& inputs, const QStringList& checks,
                                 HardeningOutput& out);
    // The /24 (IPv4) or /64 (IPv6) around the head address.
    static QString clusterNetwork(const QString& headAddress);
};

} // namespace raysec
