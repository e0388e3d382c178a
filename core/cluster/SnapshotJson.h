#pragma once

#include "core/cluster/ClusterSnapshot.h"

#include <nlohmann/json.hpp>

namespace raysec {

// The JSON form of a snapshot for `raysec-cli status --json` and scripts. Cluster-supplied
// strings are emitted verbatim (JSON-escaped), times as ISO 8601 UTC.
nlohmann::json snapshotToJson(const ClusterSnapshot& snapshot);
QString authModeName(AuthModeSeen mode);

} // namespace raysec
