#pragma once

#include "core/common/Error.h"
#include "core/quotas/UsageReport.h"

namespace raysec {

// Saved dashboard answers for offline use: a folder holding tasks.json, actors.json,
// placement_groups.json and jobs.json (and optionally nodes.json), each the body of the
// matching GET, as `curl` or `raysec-cli` saved it.
class UsageFiles
{
public:
    static Result<std::shared_ptr<UsageInput>> load(const QString& directory);
};

} // namespace raysec
