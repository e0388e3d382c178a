#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace raysec::sim {

// Ray's dashboard answer styles. Non-state endpoints wrap their data in
// {"result", "msg", "data"} with every key inside data turned into camelCase the way Ray's
// to_google_style does it (Python's str.title() on each "_" part, so "CPU_group_0_ab12" becomes
// "CPUGroup0Ab12"). The state API uses the same envelope but keeps snake_case.
class RayEnvelope
{
public:
    static std::string toCamelCase(const std::string& key);
    static nlohmann::json toGoogleStyle(const nlohmann::json& value);

    static nlohmann::json camelCase(const std::string& message, const nlohmann::json& data);
    static nlohmann::json snakeCase(const std::string& message, const nlohmann::json& data);
};

} // namespace raysec::sim
