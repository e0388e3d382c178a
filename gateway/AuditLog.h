#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <expected>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace raysec::gateway {

// Every gateway decision as one JSON line, each carrying the SHA-256 of the previous line's
// hash and its own event, so that removing or editing a line breaks the chain (verify()).
// Lines are written by a background thread in batches, every writeInterval or as soon as
// batchSize events wait, so the request path never waits for the disk or wakes a thread. Events
// must not contain secrets: callers pass key ids, never keys, and user names, never passwords.
//
// An event's text is exactly what nlohmann::json's dump() makes of it (keys sorted, compact,
// invalid UTF-8 replaced by U+FFFD), because verify() re-serialises each parsed event to check
// its hash. The per-request event is formatted straight into text (formatRequestEvent) rather
// than built as a JSON tree: on a busy gateway that tree was the largest cost of a request.
class AuditLog
{
public:
    // One forwarded or refused request.
    struct RequestEvent
    {
        std::string_view route;
        std::string_view who;
        std::string_view peer;
        std::string_view decision;
        int status = 0;
    };

    AuditLog() = default;
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Opens (appending) and resumes the chain from the file's last line.
    std::expected<void, std::string> open(const std::string& path);
    void append(nlohmann::json event);
    void appendRequest(const RequestEvent& event);
    void flush();

    // Checks a whole log; the error names the first line that does not match.
    static std::expected<std::uint64_t, std::string> verify(const std::string& path);
    static std::string chainHash(std::string_view previous, std::string_view eventText);

    // The event's text as dump() would write {"decision", "peer", "route", "status", "time",
    // "type": "request", "who"}; appended to out.
    static void formatRequestEvent(const RequestEvent& event, std::string_view time,
                                   std::string& out);

    static constexpr std::chrono::milliseconds writeInterval{50};
    static constexpr std::size_t batchSize = 512;

private:
    void enqueue(std::string_view eventText);
    void run();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_flushed;
    // Event texts waiting for the writer, each ended by '\n' (JSON text never holds a raw
    // newline). The writer swaps the buffer out, so its storage is reused batch after batch.
    std::string m_pending;
    std::size_t m_pendingCount = 0;
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
