#pragma once

#include "core/cluster/ClusterSnapshot.h"
#include "core/cluster/RayModels.h"
#include "core/common/Error.h"

#include <QByteArray>

#include <string_view>

// Parsers for the dashboard endpoints Raysec reads. They are independent of the transport (the
// console, the CLI and the gateway feed them raw bodies), run on any thread, validate every
// field they use and keep cluster-supplied strings verbatim. Bulk answers go through simdjson's
// on-demand API; the two small ones through nlohmann_json.
namespace raysec::RayParsers {

Result<VersionInfo> parseVersion(const QByteArray& body);             // /api/version
Result<AuthModeSeen> parseAuthMode(const QByteArray& body);           // /api/authentication_mode
Result<ClusterStatusInfo> parseClusterStatus(const QByteArray& body); // /api/cluster_status
Result<NodeList> parseNodes(const QByteArray& body);                  // /api/v0/nodes
Result<QList<JobInfo>> parseJobs(const QByteArray& body);             // /api/jobs/
Result<JobInfo> parseJob(const QByteArray& body);                     // /api/jobs/{id}
Result<TaskSummary> parseTaskSummary(const QByteArray& body);         // /api/v0/tasks/summarize

// True for resource entries that are not capacity of their own: node:<ip> markers and
// placement-group reservations (<resource>_group_<pgid>, <resource>_group_<i>_<pgid>, and the
// same names after the dashboard's camelCase conversion, such as CPUGroup<Pgid>).
bool isDerivedResource(std::string_view name);

// The dashboard converts resource names in cluster_status to camelCase; this maps Ray's own
// resources back to their usual names (objectStoreMemory -> object_store_memory).
QString canonicalResourceName(std::string_view name);

} // namespace raysec::RayParsers
