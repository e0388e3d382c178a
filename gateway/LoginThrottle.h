#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace raysec::gateway {

// Slows down password guessing, per user name and per client address separately: after
// `freeAttempts` failures each further failure doubles the lock-out (capped), and a success
// clears the user's record. Lock-outs also apply to names that do not exist, so the answer
// does not reveal which accounts are real.
class LoginThrottle
{
public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(int freeAttempts = 5,
                           std::chrono::seconds maxLockout = std::chrono::minutes(15));

    // Seconds until this user or address may try again; 0 when allowed now.
    std::int64_t retryAfter(const std::string& user, const std::string& address,
                            Clock::time_point now = Clock::now()) const;
    void recordFailure(const std::string& user, const std::string& address,
                       Clock::time_point now = Clock::now());
    void recordSuccess(const std::string& user, const std::string& address);

private:
    struct Record
    {
        int failures = 0;
        Clock::time_point lockedUntil;
    };

    void fail(std::unordered_map<std::string, Record>& table, const std::string& key,
              Clock::time_point now);

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Record> m_users;
    std::unordered_map<std::string, Record> m_addresses;
    int m_freeAttempts;
    std::chrono::seconds m_maxLockout;
};

} // namespace raysec::gateway
