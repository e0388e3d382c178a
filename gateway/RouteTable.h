#pragma once

#include <string>
#include <string_view>

namespace raysec::gateway {

// What a request to the Ray dashboard may do, and so which scope or role it needs.
// The full table is in docs/gateway.md; anything not listed needs `admin`.
enum class RouteClass
{
    Health, // liveness probes: no credentials
    Login,  // the gateway's own login and logout
    Ui,     // the dashboard's web UI and its static files
    ClusterRead,
    JobsRead,
    JobsSubmit,
    JobsStop,
    LogsRead,
    Admin,  // profiling, actor kills, Serve deployments, anything unknown
    Closed, // never forwarded: SSRF and traversal-prone routes
};

struct Route
{
    RouteClass routeClass = RouteClass::Admin;
    bool webSocket = false;
};

// Classifies a request by method and path (query and fragment already removed). Paths are
// percent-decoded and checked for traversal before matching.
Route classifyRoute(std::string_view method, std::string_view path);

// The API key scope a route class needs ("cluster:read", ...); empty for Health, Login, Closed.
std::string_view requiredScope(RouteClass routeClass);
// The rate-limit class name of a route class ("read", "submit", ...).
std::string_view rateClass(RouteClass routeClass);
// Lowest dashboard role allowed: "viewer", "operator" or "admin"; empty when no role applies.
std::string_view requiredRole(RouteClass routeClass);
bool roleAllows(std::string_view role, RouteClass routeClass);

// Percent-decodes a path; empty optional-like result (returns false) on malformed escapes.
bool decodePath(std::string_view path, std::string& decoded);

} // namespace raysec::gateway
