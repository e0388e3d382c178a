#pragma once

#include "core/quotas/ResourceSet.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace raysec {

// Compact rows of Ray's state API lists (/api/v0/tasks, /actors, /placement_groups with
// detail=true) and the Jobs API listing: only what quota usage needs.

enum class TaskKind
{
    Normal,
    ActorCreation,
    ActorTask,
    Driver,
    Other
};

struct TaskRow
{
    QString taskId;
    QString name;
    QString state;
    QString jobId;
    QString placementGroupId;
    TaskKind kind = TaskKind::Normal;
    // Absent when Ray sent no required_resources (a list without detail).
    std::optional<ResourceSet> required;
};

struct ActorRow
{
    QString actorId;
    QString className;
    QString state;
    QString jobId;
    QString placementGroupId;
    std::optional<ResourceSet> required;
};

struct PlacementGroupRow
{
    QString placementGroupId;
    QString name;
    QString creatorJobId;
    QString state;
    QList<ResourceSet> bundles;
};

// One state API list answer: the rows plus Ray's counts, which say whether it was truncated.
template <typename Row>
struct StateList
{
    qint64 total = 0;
    qint64 numAfterTruncation = 0;
    QList<Row> rows;
    QStringList warnings; // partial_failure_warning and warnings, as Ray sent them

    bool truncated() const { return total > numAfterTruncation; }
};

using TaskList = StateList<TaskRow>;
using ActorList = StateList<ActorRow>;
using PlacementGroupList = StateList<PlacementGroupRow>;

// A job from GET /api/jobs/, with its entrypoint reservation when the listing carries one.
struct JobRow
{
    QString type;
    QString jobId;
    QString submissionId;
    QString status;
    QString entrypoint; // cluster-supplied: plain text only
    std::optional<QDateTime> startTime;
    QMap<QString, QString> metadata;
    ResourceSet entrypointReservation;
    bool hasReservationFields = false;

    bool isTerminal() const;
    bool isActive() const { return !isTerminal(); }
    // The submission id, else the job id: what a person recognises.
    QString displayId() const { return submissionId.isEmpty() ? jobId : submissionId; }
};

// An alive node's logical capacity from /api/v0/nodes.
struct NodeRow
{
    QString nodeId;
    QString state;
    ResourceSet total;
};

} // namespace raysec
