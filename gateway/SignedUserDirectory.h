#pragma once

#include "gateway/Bundles.h"

#include <expected>
#include <unordered_map>

namespace raysec::gateway {

// The dashboard users from the console's signed user store ("raysec-dashboard-users",
// version 1; see docs/formats.md). The signature is checked before the JSON is read.
class SignedUserDirectory : public UserDirectory
{
public:
    static std::expected<std::shared_ptr<const SignedUserDirectory>, std::string>
    load(std::string_view publicKeyText, std::string_view json, std::string_view signature);

    std::optional<GatewayUser> find(std::string_view name) const override;
    std::int64_t version() const override { return m_version; }
    std::size_t size() const { return m_users.size(); }

private:
    std::unordered_map<std::string, GatewayUser> m_users;
    std::int64_t m_version = 0;
};

// Seconds since the epoch of an ISO 8601 UTC time ("2026-12-03T18:00:00Z"); 0 when malformed.
std::int64_t isoSeconds(std::string_view text);

} // namespace raysec::gateway
