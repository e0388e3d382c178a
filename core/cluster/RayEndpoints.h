#pragma once

// The dashboard paths Raysec reads (RAY.md), in one place for the client, the monitor, the
// simulator's tests and the CLI.
namespace raysec::RayEndpoints {

inline constexpr const char* version = "/api/version";
inline constexpr const char* authenticationMode = "/api/authentication_mode";
inline constexpr const char* clusterStatus = "/api/cluster_status";
inline constexpr const char* nodes = "/api/v0/nodes";
inline constexpr const char* jobs = "/api/jobs/";
inline constexpr const char* taskSummary = "/api/v0/tasks/summarize";

// The state API's largest page; more gives 400.
inline constexpr int stateApiMaxLimit = 10000;

} // namespace raysec::RayEndpoints
