#include "gateway/AuditLog.h"

#include <openssl/evp.h>

#include <array>
#include <chrono>
#include <ctime>

namespace raysec::gateway {

namespace {

const std::string genesis(64, '0');

std::string utcNow()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms));
    return text;
}

} // namespace

std::string AuditLog::chainHash(const std::string& previous, const std::string& eventText)
{
    const std::string input = previous + "\n" + eventText;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(input.data(), input.size(), digest.data(), &length, EVP_sha256(), nullptr) !=
        1) {
        return {};
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

AuditLog::~AuditLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable()) {
        m_writer.join();
    }
}

std::expected<void, std::string> AuditLog::open(const std::string& path)
{
    m_previous = genesis;
    {
        std::ifstream existing(path);
        std::string line;
        std::string last;
        while (std::getline(existing, line)) {
            if (!line.empty()) {
                last = line;
            }
        }
        if (!last.empty()) {
            const auto j = nlohmann::json::parse(last, nullptr, false);
            if (j.is_discarded() || !j.contains("hash") || !j.contains("seq")) {
                return std::unexpected("the last line of " + path +
                                       " is not an audit record; move the file aside");
            }
            m_previous = j["hash"].get<std::string>();
            m_sequence = j["seq"].get<std::uint64_t>();
        }
    }
    m_file.open(path, std::ios::app);
    if (!m_file) {
        return std::unexpected("cannot append to " + path);
    }
    m_writer = std::thread([this] { run(); });
    return {};
}

void AuditLog::append(nlohmann::json event)
{
    if (!m_writer.joinable()) {
        return;
    }
    bool full = false;
    {
        std::lock_guard lock(m_mutex);
        event["time"] = utcNow();
        m_queue.push_back(std::move(event));
        ++m_enqueued;
        full = m_queue.size() == batchSize;
    }
    // The writer wakes on its own every writeInterval; waking it for every request would cost
    // two context switches per request on a busy gateway.
    if (full) {
        m_wake.notify_one();
    }
}

void AuditLog::flush()
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t target = m_enqueued;
    m_flushWanted = true;
    m_wake.notify_one();
    m_flushed.wait(lock, [&] { return m_written >= target || !m_writer.joinable(); });
}

void AuditLog::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait_for(lock, writeInterval,
                        [&] { return m_stopping || m_flushWanted || m_queue.size() >= batchSize; });
        m_flushWanted = false;
        std::deque<nlohmann::json> batch;
        batch.swap(m_queue);
        lock.unlock();
        for (nlohmann::json& event : batch) {
            const std::string eventText = event.dump();
            const std::string hash = chainHash(m_previous, eventText);
            nlohmann::json line = {{"seq", ++m_sequence},
                                   {"prev", m_previous},
                                   {"event", std::move(event)},
                                   {"hash", hash}};
            m_file << line.dump() << '\n';
            m_previous = hash;
        }
        m_file.flush();
        lock.lock();
        m_written += batch.size();
        m_flushed.notify_all();
        if (m_stopping && m_queue.empty()) {
            return;
        }
    }
}

std::expected<std::uint64_t, std::string> AuditLog::verify(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        return std::unexpected("cannot read " + path);
    }
    std::string previous = genesis;
    std::string line;
    std::uint64_t lineNo = 0;
    std::uint64_t expectedSeq = 0;
    bool first = true;
    while (std::getline(in, line)) {
        ++lineNo;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object() || !j.contains("event") || !j.contains("hash") ||
            !j.contains("prev") || !j.contains("seq") || !j["seq"].is_number_unsigned()) {
            return std::unexpected("line " + std::to_string(lineNo) + " is not an audit record");
        }
        const std::uint64_t seq = j["seq"].get<std::uint64_t>();
        if (!first && seq != expectedSeq) {
            return std::unexpected("line " + std::to_string(lineNo) + " breaks the sequence");
        }
        if (!first && j["prev"] != previous) {
            return std::unexpected("line " + std::to_string(lineNo) +
                                   " does not follow the line before it (removed or reordered)");
        }
        const std::string prev = j["prev"].get<std::string>();
        if (chainHash(prev, j["event"].dump()) != j["hash"]) {
            return std::unexpected("line " + std::to_string(lineNo) + " was altered");
        }
        previous = j["hash"].get<std::string>();
        expectedSeq = seq + 1;
        first = false;
    }
    return lineNo;
}

} // namespace raysec::gateway
