#include "sim/RayEnvelope.h"

#include <cctype>

namespace raysec::sim {

namespace {

// Python's str.title(): upper-case a letter that follows a non-letter, lower-case the rest.
std::string pythonTitle(const std::string& word)
{
    std::string result = word;
    bool previousIsLetter = false;
    for (char& c : result) {
        const auto byte = static_cast<unsigned char>(c);
        const bool letter = std::isalpha(byte) != 0;
        if (letter) {
            c = char(previousIsLetter ? std::tolower(byte) : std::toupper(byte));
        }
        previousIsLetter = letter;
    }
    return result;
}

} // namespace

std::string RayEnvelope::toCamelCase(const std::string& key)
{
    std::string result;
    std::size_t start = 0;
    bool first = true;
    while (true) {
        const std::size_t end = key.find('_', start);
        const std::string part = key.substr(start, end == std::string::npos ? end : end - start);
        result += first ? part : pythonTitle(part);
        first = false;
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    return result;
}

nlohmann::json RayEnvelope::toGoogleStyle(const nlohmann::json& value)
{
    if (value.is_object()) {
        nlohmann::json converted = nlohmann::json::object();
        for (const auto& [key, item] : value.items()) {
            converted[toCamelCase(key)] = toGoogleStyle(item);
        }
        return converted;
    }
    if (value.is_array()) {
        nlohmann::json converted = nlohmann::json::array();
        for (const auto& item : value) {
            // Like Ray, only dicts directly inside lists are converted, not nested lists.
            converted.push_back(item.is_object() ? toGoogleStyle(item) : item);
        }
        return converted;
    }
    return value;
}

nlohmann::json RayEnvelope::camelCase(const std::string& message, const nlohmann::json& data)
{
    return {{"result", true}, {"msg", message}, {"data", toGoogleStyle(data)}};
}

nlohmann::json RayEnvelope::snakeCase(const std::string& message, const nlohmann::json& data)
{
    return {{"result", true}, {"msg", message}, {"data", data}};
}

} // namespace raysec::sim
