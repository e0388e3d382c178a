#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <expected>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>

namespace raysec::gateway {

// Every gateway decision as one JSON line, each carrying the SHA-256 of the previous line's
// hash and its own event, so that removing or editing a line breaks the chain (verify()).
// Lines are written by a background thread in batches, every writeInterval or as soon as
// batchSize events wait, so the request path never waits for the disk or wakes a thread. Events
// must not contain secrets: callers pass key ids, never keys, and user names, never passwords.
class AuditLog
{
public:
    AuditLog() = default;
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Opens (appending) and resumes the chain from the file's last line.
    std::expected<void, std::string> open(const std::string& path);
    void append(nlohmann::json event);
    void flush();

    // Checks a whole log; the error names the first line that does not match.
    static std::expected<std::uint64_t, std::string> verify(const std::string& path);
    static std::string chainHash(const std::string& previous, const std::string& eventText);

    static constexpr std::chrono::milliseconds writeInterval{50};
    static constexpr std::size_t batchSize = 512;

private:
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_flushed;
    std::deque<nlohmann::json> m_queue;
    std::ofstream m_file;
    std::thread m_writer;
    bool m_stopping = false;
    bool m_flushWanted = false;
    std::uint64_t m_enqueued = 0;
    std::uint64_t m_written = 0;
    std::uint64_t m_sequence = 0;
    std::string m_previous;
};

} // namespace raysec::gateway
