#pragma once

#include "core/cluster/ClusterSnapshot.h"
#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"
#include "core/tls/NodeEntry.h"

#include <QObject>

#include <functional>

namespace raysec {
class Keychain;
}

namespace raysec::tls {

// Fills the node list from a connected cluster's /api/v0/nodes: alive nodes only, the head
// marked, node names made usable as folder names.
class ClusterNodeSource
{
public:
    using Fetched = std::function<void(Result<QList<NodeEntry>>)>;

    static QList<NodeEntry> fromClusterNodes(const QList<NodeInfo>& nodes);

    // Connects with the profile (its token from the keychain when it uses one), reads the node
    // list and converts it. `fetched` runs once on the caller's thread unless `context` is gone.
    static void fetch(const ClusterProfile& profile, Keychain& keychain, QObject* context,
                      Fetched fetched);
};

} // namespace raysec::tls
