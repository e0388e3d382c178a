#include "gateway/LoginThrottle.h"

#include <algorithm>

namespace raysec::gateway {

LoginThrottle::LoginThrottle(int freeAttempts, std::chrono::seconds maxLockout)
    : m_freeAttempts(freeAttempts)
    , m_maxLockout(maxLockout)
{
}

std::int64_t LoginThrottle::retryAfter(const std::string& user, const std::string& address,
                                       Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    Clock::time_point until = now;
    for (const auto* table : {&m_users, &m_addresses}) {
        const std::string& key = table == &m_users ? user : address;
        if (auto it = table->find(key); it != table->end()) {
            until = std::max(until, it->second.lockedUntil);
        }
    }
    const auto wait = std::chrono::ceil<std::chrono::seconds>(until - now).count();
    return std::max<std::int64_t>(0, wait);
}

void LoginThrottle::fail(std::unordered_map<std::string, Record>& table, const std::string& key,
                         Clock::time_point now)
{
    if (table.size() > 100000) {
        std::erase_if(table, [&](const auto& e) { return e.second.lockedUntil < now; });
    }
    Record& record = table[key];
    ++record.failures;
    const int over = record.failures - m_freeAttempts;
    if (over > 0) {
        const auto lockout = std::min<std::chrono::seconds>(
            m_maxLockout, std::chrono::seconds(1LL << std::min(over - 1, 20)));
        record.lockedUntil = now + lockout;
    }
}

void LoginThrottle::recordFailure(const std::string& user, const std::string& address,
                                  Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    fail(m_users, user, now);
    fail(m_addresses, address, now);
}

void LoginThrottle::recordSuccess(const std::string& user, const std::string& address)
{
    std::lock_guard lock(m_mutex);
    m_users.erase(user);
    // An address keeps its record: one good login must not reset guessing against others.
    (void)address;
}

} // namespace raysec::gateway
