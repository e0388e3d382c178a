#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace raysec::gateway {

// Who a request is from, once authenticated: an API key or a logged-in person.
struct Identity
{
    enum class Kind
    {
        ApiKey,
        User
    };
    Kind kind = Kind::ApiKey;
    std::string id;                  // key id or user name (never a secret)
    std::string team;                // for quotas and job metadata
    std::string tier = "default";    // rate-limit tier
    std::vector<std::string> scopes; // API keys
    std::string role;                // people: viewer, operator, admin

    bool hasScope(std::string_view scope) const;
};

// Why an API key was not accepted; the gateway answers 401 with a matching message.
enum class KeyRejection
{
    Malformed,
    Unknown,
    WrongSecret,
    Revoked,
    Expired,
    NotYetValid
};

// Looks up presented API keys in the signed registry. Implementations must compare secrets in
// constant time and must not log them.
class KeyAuthority
{
public:
    virtual ~KeyAuthority() = default;
    struct Outcome
    {
        std::optional<Identity> identity;
        KeyRejection rejection = KeyRejection::Unknown;
        bool inGrace = false; // rotated: valid until its grace period ends
    };
    virtual Outcome authenticate(std::string_view presented,
                                 std::chrono::system_clock::time_point now) const = 0;
    virtual std::int64_t version() const = 0;
};

} // namespace raysec::gateway
