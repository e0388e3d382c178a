#include "gateway/SessionStore.h"

#include <sodium.h>

#include <array>

namespace raysec::gateway {

SessionStore::SessionStore(std::chrono::seconds idle, std::chrono::seconds absolute)
    : m_idle(idle)
    , m_absolute(absolute)
{
}

std::string SessionStore::create(Identity identity, Clock::time_point now)
{
    std::array<unsigned char, 32> random{};
    randombytes_buf(random.data(), random.size());
    std::array<char, 64 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    sodium_memzero(random.data(), random.size());
    std::string id(hex.data(), 64);

    std::lock_guard lock(m_mutex);
    if (m_sessions.size() > 10000) {
        sweep(now);
    }
    m_sessions[id] = Session{std::move(identity), now, now};
    return id;
}

std::optional<Identity> SessionStore::find(std::string_view id, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    auto it = m_sessions.find(std::string(id));
    if (it == m_sessions.end()) {
        return std::nullopt;
    }
    Session& session = it->second;
    if (now - session.lastSeen > m_idle || now - session.created > m_absolute) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    session.lastSeen = now;
    return session.identity;
}

void SessionStore::remove(std::string_view id)
{
    std::lock_guard lock(m_mutex);
    m_sessions.erase(std::string(id));
}

void SessionStore::removeUser(std::string_view user)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_sessions, [&](const auto& entry) { return entry.second.identity.id == user; });
}

std::size_t SessionStore::size() const
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

void SessionStore::sweep(Clock::time_point now)
{
    std::erase_if(m_sessions, [&](const auto& entry) {
        return now - entry.second.lastSeen > m_idle || now - entry.second.created > m_absolute;
    });
}

std::string SessionStore::setCookieHeader(const std::string& id) const
{
    // __Host- requires Secure, Path=/ and no Domain, so the cookie cannot be set by a sibling
    // host; it expires with the absolute session limit.
    // Appended piece by piece: GCC 12 misreports a chain of operator+ on a temporary as an
    // out-of-bounds copy (-Warray-bounds).
    std::string header(cookieName);
    header.append("=").append(id).append("; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=");
    header.append(std::to_string(m_absolute.count()));
    return header;
}

std::string SessionStore::clearCookieHeader()
{
    std::string header(cookieName);
    header.append("=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    return header;
}

std::optional<std::string> SessionStore::idFromCookie(std::string_view header)
{
    const std::string_view name = cookieName;
    std::size_t pos = 0;
    while (pos < header.size()) {
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) {
            ++pos;
        }
        const std::size_t end = std::min(header.find(';', pos), header.size());
        const std::string_view pair = header.substr(pos, end - pos);
        if (pair.size() == name.size() + 1 + 64 && pair.substr(0, name.size()) == name &&
            pair[name.size()] == '=') {
            const std::string_view value = pair.substr(name.size() + 1);
            if (value.find_first_not_of("0123456789abcdef") == std::string_view::npos) {
                return std::string(value);
            }
        }
        pos = end + 1;
    }
    return std::nullopt;
}

} // namespace raysec::gateway
