#include "gateway/RouteTable.h"

#include <array>
#include <cctype>

namespace raysec::gateway {

namespace {

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char lower = char(std::tolower(static_cast<unsigned char>(c)));
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

// Anything that could step out of a folder or smuggle a separator is treated as hostile.
bool looksLikeTraversal(std::string_view decoded)
{
    return decoded.find("..") != std::string_view::npos ||
           decoded.find('\\') != std::string_view::npos ||
           decoded.find('\0') != std::string_view::npos ||
           decoded.find("//") != std::string_view::npos;
}

// /api/jobs/<id>[/<tail>] -> tail ("" for the job itself); false when not a job route.
bool jobTail(std::string_view path, std::string_view& tail)
{
    constexpr std::string_view prefix = "/api/jobs/";
    if (!startsWith(path, prefix) || path.size() == prefix.size()) {
        return false;
    }
    const std::string_view rest = path.substr(prefix.size());
    const auto slash = rest.find('/');
    tail = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    return true;
}

Route classifyJobs(std::string_view method, std::string_view path)
{
    if (path == "/api/jobs/" || path == "/api/jobs") {
        if (method == "GET") {
            return {RouteClass::JobsRead};
        }
        return {method == "POST" ? RouteClass::JobsSubmit : RouteClass::Admin};
    }
    std::string_view tail;
    if (!jobTail(path, tail)) {
        return {RouteClass::Admin};
    }
    if (tail.empty()) {
        if (method == "GET") {
            return {RouteClass::JobsRead};
        }
        return {method == "DELETE" ? RouteClass::JobsStop : RouteClass::Admin};
    }
    if (tail == "stop" && method == "POST") {
        return {RouteClass::JobsStop};
    }
    if (tail == "logs" && method == "GET") {
        return {RouteClass::LogsRead};
    }
    if (tail == "logs/tail" && method == "GET") {
        return {RouteClass::LogsRead, true};
    }
    return {RouteClass::Admin};
}

Route classifyRead(std::string_view path)
{
    static constexpr std::array clusterRead = {
        std::string_view("/api/version"),
        std::string_view("/api/cluster_status"),
        std::string_view("/api/authentication_mode"),
        std::string_view("/nodes"),
        std::string_view("/api/snapshot"),
        std::string_view("/api/v0/cluster_events"),
    };
    for (std::string_view exact : clusterRead) {
        if (path == exact) {
            return {RouteClass::ClusterRead};
        }
    }
    if (startsWith(path, "/api/v0/logs")) {
        return {RouteClass::LogsRead};
    }
    if (startsWith(path, "/api/v0/")) {
        return {RouteClass::ClusterRead};
    }
    if (path == "/" || path == "/favicon.ico" || startsWith(path, "/static/") ||
        path == "/index.html" || path == "/logo.svg" || path == "/manifest.json") {
        return {RouteClass::Ui};
    }
    return {RouteClass::Admin};
}

} // namespace

bool decodePath(std::string_view path, std::string& decoded)
{
    decoded.clear();
    decoded.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '%') {
            decoded.push_back(path[i]);
            continue;
        }
        if (i + 2 >= path.size()) {
            return false;
        }
        const int hi = hexValue(path[i + 1]);
        const int lo = hexValue(path[i + 2]);
        if (hi < 0 || lo < 0) {
            return false;
        }
        decoded.push_back(char(hi * 16 + lo));
        i += 2;
    }
    return true;
}

Route classifyRoute(std::string_view method, std::string_view rawPath)
{
    std::string path;
    if (rawPath.empty() || rawPath.front() != '/' || !decodePath(rawPath, path) ||
        looksLikeTraversal(path)) {
        return {RouteClass::Closed};
    }
    if (path == "/-/healthz" || path == "/api/healthz" || path == "/api/gcs_healthz") {
        return {RouteClass::Health};
    }
    if (startsWith(path, "/-/raysec/")) {
        return {RouteClass::Login};
    }
    // Ray's SSRF-prone log proxy: never forwarded (CVE-2023-48023).
    if (startsWith(path, "/log_proxy") || startsWith(path, "/api/v0/logs/proxy")) {
        return {RouteClass::Closed};
    }
    if (startsWith(path, "/api/jobs")) {
        return classifyJobs(method, path);
    }
    if (method == "GET" || method == "HEAD") {
        return classifyRead(path);
    }
    return {RouteClass::Admin};
}

std::string_view requiredScope(RouteClass routeClass)
{
    switch (routeClass) {
    case RouteClass::ClusterRead:
    case RouteClass::Ui:
        return "cluster:read";
    case RouteClass::JobsRead:
        return "jobs:read";
    case RouteClass::JobsSubmit:
        return "jobs:submit";
    case RouteClass::JobsStop:
        return "jobs:stop";
    case RouteClass::LogsRead:
        return "logs:read";
    case RouteClass::Admin:
        return "admin";
    case RouteClass::Health:
    case RouteClass::Login:
    case RouteClass::Closed:
        return {};
    }
    return "admin";
}

std::string_view rateClass(RouteClass routeClass)
{
    switch (routeClass) {
    case RouteClass::JobsSubmit:
        return "submit";
    case RouteClass::JobsStop:
        return "stop";
    case RouteClass::LogsRead:
        return "logs";
    case RouteClass::Admin:
        return "admin";
    default:
        return "read";
    }
}

std::string_view requiredRole(RouteClass routeClass)
{
    switch (routeClass) {
    case RouteClass::Ui:
    case RouteClass::ClusterRead:
    case RouteClass::JobsRead:
    case RouteClass::LogsRead:
        return "viewer";
    case RouteClass::JobsSubmit:
    case RouteClass::JobsStop:
        return "operator";
    case RouteClass::Admin:
        return "admin";
    default:
        return {};
    }
}

bool roleAllows(std::string_view role, RouteClass routeClass)
{
    const auto rank = [](std::string_view r) {
        return r == "admin" ? 3 : r == "operator" ? 2 : r == "viewer" ? 1 : 0;
    };
    const std::string_view needed = requiredRole(routeClass);
    return !needed.empty() && rank(role) >= rank(needed);
}

} // namespace raysec::gateway
