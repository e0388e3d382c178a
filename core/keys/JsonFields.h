#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace raysec::jsonfields {

// Typed reads from untrusted JSON objects: a missing field or one of the wrong type gives the
// fallback instead of the exception that nlohmann's value() throws on a type mismatch.

inline std::string text(const nlohmann::json& object, const char* name)
{
    if (!object.is_object()) {
        return {};
    }
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

inline std::int64_t integer(const nlohmann::json& object, const char* name,
                            std::int64_t fallback = 0)
{
    if (!object.is_object()) {
        return fallback;
    }
    const auto found = object.find(name);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>()
                                                               : fallback;
}

} // namespace raysec::jsonfields
