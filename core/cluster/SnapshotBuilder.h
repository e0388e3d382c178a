#pragma once

#include "core/cluster/ClusterSnapshot.h"
#include "core/common/Error.h"

#include <QByteArray>

#include <optional>

namespace raysec {

// The raw bodies of one refresh round, as fetched by RayClient (or any other transport).
struct RawResponses
{
    QByteArray version;
    std::optional<QByteArray> authenticationMode; // nullopt: Ray answered 404 (no token auth)
    QByteArray clusterStatus;
    QByteArray nodes;
    QByteArray jobs;
    QByteArray taskSummary;
};

// Parses and aggregates one round into a ClusterSnapshot. Pure and thread-safe: the monitor runs
// it on a worker thread, the CLI and the benchmark call it directly. fetchedAt, dashboardUrl and
// plainHttp are left for the caller, which knows the transport.
class SnapshotBuilder
{
public:
    static Result<ClusterSnapshot> build(const RawResponses& raw);
};

} // namespace raysec
