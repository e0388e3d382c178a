#include "gateway/AuditLog.h"

#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace raysec::gateway {

namespace {

const std::string genesis(64, '0');

// "2026-01-31T12:34:56.789Z". The part up to the seconds is kept per thread and rebuilt only
// when the second changes.
void appendUtcNow(std::string& out)
{
    thread_local std::time_t cachedSecond = -1;
    thread_local char cachedPrefix[32];
    thread_local int cachedLength = 0;
    const auto now = std::chrono::system_clock::now();
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    const std::time_t second = std::time_t(ms / 1000);
    if (second != cachedSecond) {
        std::tm tm{};
        gmtime_r(&second, &tm);
        cachedLength = std::snprintf(cachedPrefix, sizeof cachedPrefix,
                                     "%04d-%02d-%02dT%02d:%02d:%02d.", tm.tm_year + 1900,
                                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        cachedSecond = second;
    }
    const int milli = int(ms % 1000);
    out.append(cachedPrefix, std::size_t(cachedLength));
    out.push_back(char('0' + milli / 100));
    out.push_back(char('0' + milli / 10 % 10));
    out.push_back(char('0' + milli % 10));
    out.push_back('Z');
}

bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + length > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            code = (code << 6) | (next & 0x3F);
        }
        static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return false;
        }
        i += length;
    }
    return true;
}

// A JSON string as nlohmann::json's dump() writes it (no ASCII escaping; invalid UTF-8, which
// only hostile input carries, goes through nlohmann itself so that the replacement matches).
void appendJsonString(std::string_view s, std::string& out)
{
    if (!isValidUtf8(s)) {
        out += nlohmann::json(std::string(s))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            } else {
                out.push_back(ch);
            }
        }
    }
    out.push_back('"');
}

// SHA-256 over previous + "\n" + event, as lowercase hex, with one digest context reused. The
// digest is fetched from OpenSSL's provider once: EVP_sha256() would look it up again at every
// initialisation, which cost as much as hashing a line.
class ChainHasher
{
public:
    ChainHasher()
        : m_digest(EVP_MD_fetch(nullptr, "SHA256", nullptr))
        , m_context(EVP_MD_CTX_new())
    {
    }
    ~ChainHasher()
    {
        EVP_MD_CTX_free(m_context);
        EVP_MD_free(m_digest);
    }
    ChainHasher(const ChainHasher&) = delete;
    ChainHasher& operator=(const ChainHasher&) = delete;

    // Writes 64 hex digits to out; false if OpenSSL failed.
    bool hash(std::string_view previous, std::string_view eventText, std::string& out)
    {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
        unsigned int length = 0;
        if (!m_digest || !m_context || EVP_DigestInit_ex(m_context, m_digest, nullptr) != 1 ||
            EVP_DigestUpdate(m_context, previous.data(), previous.size()) != 1 ||
            EVP_DigestUpdate(m_context, "\n", 1) != 1 ||
            EVP_DigestUpdate(m_context, eventText.data(), eventText.size()) != 1 ||
            EVP_DigestFinal_ex(m_context, digest.data(), &length) != 1) {
            return false;
        }
        static constexpr char hex[] = "0123456789abcdef";
        out.resize(2 * length);
        for (unsigned int i = 0; i < length; ++i) {
            out[2 * i] = hex[digest[i] >> 4];
            out[2 * i + 1] = hex[digest[i] & 15];
        }
        return true;
    }

private:
    EVP_MD* m_digest;
    EVP_MD_CTX* m_context;
};

} // namespace

std::string AuditLog::chainHash(std::string_view previous, std::string_view eventText)
{
    ChainHasher hasher;
    std::string out;
    if (!hasher.hash(previous, eventText, out)) {
        return {};
    }
    return out;
}

void AuditLog::formatRequestEvent(const RequestEvent& event, std::string_view time,
                                  std::string& out)
{
    out += "{\"decision\":";
    appendJsonString(event.decision, out);
    out += ",\"peer\":";
    appendJsonString(event.peer, out);
    out += ",\"route\":";
    appendJsonString(event.route, out);
    out += ",\"status\":";
    char digits[16];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, event.status);
    out.append(digits, end);
    out += ",\"time\":";
    appendJsonString(time, out);
    out += ",\"type\":\"request\",\"who\":";
    appendJsonString(event.who, out);
    out.push_back('}');
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
            if (j.is_discarded() || !j.is_object() || !j.contains("hash") ||
                !j["hash"].is_string() || !j.contains("seq") || !j["seq"].is_number_unsigned()) {
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
    std::string time;
    appendUtcNow(time);
    event["time"] = std::move(time);
    enqueue(event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void AuditLog::appendRequest(const RequestEvent& event)
{
    thread_local std::string text;
    thread_local std::string time;
    text.clear();
    time.clear();
    appendUtcNow(time);
    formatRequestEvent(event, time, text);
    enqueue(text);
}

void AuditLog::enqueue(std::string_view eventText)
{
    if (!m_writer.joinable()) {
        return;
    }
    bool full = false;
    {
        std::lock_guard lock(m_mutex);
        m_pending.append(eventText);
        m_pending.push_back('\n');
        ++m_pendingCount;
        ++m_enqueued;
        full = m_pendingCount == batchSize;
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
    ChainHasher hasher;
    std::string batch;
    std::string lines;
    std::string hash;
    std::unique_lock lock(m_mutex);
    while (true) {
        m_wake.wait_for(lock, writeInterval,
                        [&] { return m_stopping || m_flushWanted || m_pendingCount >= batchSize; });
        m_flushWanted = false;
        batch.clear();
        batch.swap(m_pending);
        const std::size_t count = m_pendingCount;
        m_pendingCount = 0;
        lock.unlock();

        lines.clear();
        std::string_view rest = batch;
        while (!rest.empty()) {
            const std::size_t end = rest.find('\n');
            const std::string_view event = rest.substr(0, end);
            rest.remove_prefix(end + 1);
            if (!hasher.hash(m_previous, event, hash)) {
                hash.clear();
            }
            lines += "{\"event\":";
            lines += event;
            lines += ",\"hash\":\"";
            lines += hash;
            lines += "\",\"prev\":\"";
            lines += m_previous;
            lines += "\",\"seq\":";
            lines += std::to_string(++m_sequence);
            lines += "}\n";
            m_previous = hash;
        }
        m_file.write(lines.data(), std::streamsize(lines.size()));
        m_file.flush();
        lock.lock();
        m_written += count;
        m_flushed.notify_all();
        if (m_stopping && m_pendingCount == 0) {
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
