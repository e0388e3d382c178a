#pragma once

#include "gateway/Identity.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace raysec::gateway {

// Server-side login sessions. The cookie carries only a 256-bit random id; the store keeps
// who it belongs to and when it expires (idle and absolute limits). Logout deletes it.
class SessionStore
{
public:
    using Clock = std::chrono::steady_clock;

    SessionStore(std::chrono::seconds idle, std::chrono::seconds absolute);

    std::string create(Identity identity, Clock::time_point now = Clock::now());
    std::optional<Identity> find(std::string_view id, Clock::time_point now = Clock::now());
    void remove(std::string_view id);
    // Drops every session of a user, for example when the user store disables them.
    void removeUser(std::string_view user);
    std::size_t size() const;

    static constexpr const char* cookieName = "__Host-raysec_session";
    std::string setCookieHeader(const std::string& id) const;
    static std::string clearCookieHeader();
    // The session id from a Cookie header, if present and well-formed.
    static std::optional<std::string> idFromCookie(std::string_view cookieHeader);

private:
    struct Session
    {
        Identity identity;
        Clock::time_point created;
        Clock::time_point lastSeen;
    };

    void sweep(Clock::time_point now);

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Session> m_sessions;
    std::chrono::seconds m_idle;
    std::chrono::seconds m_absolute;
};

} // namespace raysec::gateway
