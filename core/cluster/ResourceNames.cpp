// Which resource names count as capacity, and their canonical spelling.

#include "core/cluster/JsonFields.h"
#include "core/cluster/RayParsers.h"

namespace raysec::RayParsers {

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A placement group id is 18 bytes (36 hex digits); an optional bundle index sits before it,
// joined by '_' in Ray's names and glued on after the dashboard's camelCase conversion.
bool looksLikeGroupSuffix(std::string_view suffix)
{
    std::size_t hexDigits = 0;
    for (char c : suffix) {
        if (isHex(c)) {
            ++hexDigits;
        } else if (c != '_') {
            return false;
        }
    }
    return hexDigits >= 16;
}

} // namespace

bool isDerivedResource(std::string_view name)
{
    if (name.starts_with("node:")) {
        return true;
    }
    for (std::string_view marker : {std::string_view("_group_"), std::string_view("Group")}) {
        const std::size_t at = name.rfind(marker);
        if (at != std::string_view::npos && at > 0 &&
            looksLikeGroupSuffix(name.substr(at + marker.size()))) {
            return true;
        }
    }
    return false;
}

QString canonicalResourceName(std::string_view name)
{
    if (name == "objectStoreMemory") {
        return QStringLiteral("object_store_memory");
    }
    return json::toQString(name);
}

} // namespace raysec::RayParsers
