#pragma once

#include "sim/ClusterRecords.h"

#include <nlohmann/json.hpp>

namespace raysec::sim {

// Turns cluster records into the JSON rows Ray's state API and Jobs API answer with, field for
// field (snake_case, nulls where Ray has none). detail adds the fields Ray adds for detail=true.
class StateRows
{
public:
    static nlohmann::json node(const SimNode& node, bool detail);
    static nlohmann::json task(const SimTask& task, bool detail);
    static nlohmann::json actor(const SimActor& actor, bool detail);
    static nlohmann::json placementGroup(const SimPlacementGroup& group, bool detail);
    static nlohmann::json job(const SimJob& job);
};

} // namespace raysec::sim
