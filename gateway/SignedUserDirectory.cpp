#include "gateway/SignedUserDirectory.h"

#include "core/keys/MinisignVerifier.h"

#include <nlohmann/json.hpp>

#include <ctime>

namespace raysec::gateway {

std::int64_t isoSeconds(std::string_view text)
{
    std::tm tm{};
    const std::string copy(text.substr(0, 19));
    if (copy.size() != 19 || !strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) {
        return 0;
    }
    return std::int64_t(timegm(&tm));
}

std::expected<std::shared_ptr<const SignedUserDirectory>, std::string>
SignedUserDirectory::load(std::string_view publicKeyText, std::string_view json,
                          std::string_view signature)
{
    if (auto verified = MinisignVerifier::verify(publicKeyText, json, signature); !verified) {
        return std::unexpected(verified.error().text().toStdString());
    }
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() ||
        doc.value("format", "") != "raysec-dashboard-users" || !doc.contains("users") ||
        !doc["users"].is_array()) {
        return std::unexpected("the user store is not a raysec-dashboard-users document");
    }
    if (!doc.contains("version") || doc["version"] != 1) {
        return std::unexpected("the user store has an unsupported format version");
    }
    auto directory = std::make_shared<SignedUserDirectory>();
    directory->m_version = isoSeconds(doc.value("generated", ""));
    for (const auto& entry : doc["users"]) {
        if (!entry.is_object() || !entry.contains("name") || !entry["name"].is_string() ||
            !entry.contains("role") || !entry["role"].is_string() ||
            !entry.contains("passwordHash") || !entry["passwordHash"].is_string()) {
            return std::unexpected("a user entry lacks its name, role or password hash");
        }
        GatewayUser user;
        user.name = entry["name"].get<std::string>();
        user.role = entry["role"].get<std::string>();
        user.passwordHash = entry["passwordHash"].get<std::string>();
        user.disabled = entry.value("disabled", false);
        user.team = entry.value("team", std::string());
        if (user.role != "viewer" && user.role != "operator" && user.role != "admin") {
            return std::unexpected("user " + user.name + " has an unknown role");
        }
        if (user.passwordHash.rfind("$argon2id$", 0) != 0) {
            return std::unexpected("user " + user.name + " has no Argon2id hash");
        }
        directory->m_users[user.name] = std::move(user);
    }
    return directory;
}

std::optional<GatewayUser> SignedUserDirectory::find(std::string_view name) const
{
    if (auto it = m_users.find(std::string(name)); it != m_users.end()) {
        return it->second;
    }
    return std::nullopt;
}

} // namespace raysec::gateway
