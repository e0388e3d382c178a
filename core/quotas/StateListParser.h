#pragma once

#include "core/common/Error.h"
#include "core/quotas/StateRows.h"

#include <QByteArrayView>

namespace raysec {

// Parses Ray's state API list answers (GET /api/v0/tasks|actors|placement_groups?detail=true)
// with simdjson's on-demand API straight into compact rows. Takes bytes, not a reply, so any
// transport (the console's RayClient, saved files, the gateway) can feed it. A malformed answer
// gives an Error naming the field; no partial list is returned.
class StateListParser
{
public:
    static Result<TaskList> parseTasks(QByteArrayView bytes);
    static Result<ActorList> parseActors(QByteArrayView bytes);
    static Result<PlacementGroupList> parsePlacementGroups(QByteArrayView bytes);
};

// Parses GET /api/jobs/ (a plain JSON array of job details) and GET /api/v0/nodes.
class JobListParser
{
public:
    static Result<QList<JobRow>> parseJobs(QByteArrayView bytes);
    static Result<QList<NodeRow>> parseNodes(QByteArrayView bytes);
};

} // namespace raysec
