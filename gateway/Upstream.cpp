#include "gateway/Upstream.h"

#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>

namespace raysec::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;

namespace {

constexpr char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// prefix is lower case.
bool startsWithIgnoringCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (asciiLower(s[i]) != prefix[i]) {
            return false;
        }
    }
    return true;
}

// A pattern ending in '-' names a family of fields by prefix; any other names one field.
bool matchesField(std::string_view name, std::string_view lowerPattern)
{
    return lowerPattern.ends_with('-')
               ? startsWithIgnoringCase(name, lowerPattern)
               : name.size() == lowerPattern.size() && startsWithIgnoringCase(name, lowerPattern);
}

// Erases in place, walking the fields once; this runs for every forwarded request and answer.
template <typename Message>
void eraseMatching(Message& message, std::initializer_list<std::string_view> lowerPatterns)
{
    for (auto it = message.begin(); it != message.end();) {
        const std::string_view name = it->name_string();
        const bool doomed =
            std::any_of(lowerPatterns.begin(), lowerPatterns.end(),
                        [&](std::string_view pattern) { return matchesField(name, pattern); });
        it = doomed ? message.erase(it) : std::next(it);
    }
}

} // namespace

void prepareUpstreamRequest(Request& request, const std::string& host, std::uint16_t port,
                            const std::string* rayToken, bool keepUpgrade)
{
    const std::string upgradeValue =
        keepUpgrade ? std::string(request[http::field::upgrade]) : std::string();
    eraseMatching(request, {"connection", "keep-alive", "proxy-", "te", "trailer", "upgrade",
                            "authorization", "x-ray-authorization", "cookie", "origin", "referer",
                            "sec-fetch-", "access-control-request-", "x-raysec-"});
    if (keepUpgrade) {
        request.set(http::field::connection, "Upgrade");
        request.set(http::field::upgrade, upgradeValue);
    }
    const auto agent = request[http::field::user_agent];
    if (agent.empty() || startsWithIgnoringCase(agent, "mozilla")) {
        request.set(http::field::user_agent, "raysec-gateway");
    }
    // Built in one reused buffer per thread; the token's copy there is wiped after use.
    thread_local std::string value;
    value.assign(host);
    value.push_back(':');
    char digits[8];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, port);
    value.append(digits, end);
    request.set(http::field::host, value);
    if (rayToken && !rayToken->empty()) {
        value.assign("Bearer ");
        value.append(*rayToken);
        request.set(http::field::authorization, value);
        sodium_memzero(value.data(), value.size());
    }
    request.prepare_payload();
}

void stripHopByHop(Response& response)
{
    eraseMatching(response, {"connection", "keep-alive", "proxy-", "te", "trailer",
                             "transfer-encoding", "upgrade"});
}

Upstream::Upstream(const Executor& executor, asio::ip::tcp::endpoint endpoint,
                   std::chrono::seconds timeout, std::size_t maxResponseBytes)
    : m_socket(executor)
    // An exchange that takes longer than the timeout is ended by closing the connection; the
    // caller answers 504.
    , m_watchdog(
          executor,
          [this] {
              m_timedOut = true;
              beast::error_code ignored;
              m_socket.close(ignored);
          },
          false)
    , m_endpoint(std::move(endpoint))
    , m_timeout(timeout)
    , m_maxResponseBytes(maxResponseBytes)
{
}

void Upstream::startExchange()
{
    m_timedOut = false;
    m_watchdog.arm(m_timeout);
}

namespace {

// Stops the upstream timeout when an exchange ends, however it ends.
struct ExchangeEnd
{
    Watchdog& watchdog;
    ~ExchangeEnd() { watchdog.disarm(); }
};

} // namespace

bool Upstream::connected() const
{
    return m_connected && m_socket.is_open();
}

Task<bool> Upstream::connect()
{
    startExchange();
    auto [ec] = co_await m_socket.async_connect(m_endpoint, tupleAwaitable);
    m_watchdog.disarm();
    if (ec) {
        disconnect();
        co_return false;
    }
    m_socket.set_option(asio::ip::tcp::no_delay(true), ec);
    m_buffer.clear();
    m_connected = true;
    co_return true;
}

void Upstream::disconnect()
{
    beast::error_code ignored;
    m_socket.close(ignored);
    m_connected = false;
}

Task<std::expected<Response, http::status>> Upstream::forward(Request request,
                                                              bool relayLargeBodies)
{
    // A kept-alive connection may have been closed by Ray in the meantime: retry once on a
    // fresh connection, but only for requests that are safe to repeat.
    const bool idempotent =
        request.method() == http::verb::get || request.method() == http::verb::head;
    const ExchangeEnd end{m_watchdog};
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool reused = m_connected;
        if (!connected() && !co_await connect()) {
            co_return std::unexpected(http::status::bad_gateway);
        }
        startExchange();
        auto [writeError, written] =
            co_await asio::async_write(m_socket, m_wire.prepare(request), tupleAwaitable);
        http::response_parser<http::string_body> parser;
        // When large bodies are relayed, the whole-read path below only sees small ones.
        parser.body_limit(relayLargeBodies ? boost::optional<std::uint64_t>()
                                           : boost::optional<std::uint64_t>(m_maxResponseBytes));
        if (request.method() == http::verb::head) {
            parser.skip(true);
        }
        beast::error_code readError = writeError;
        if (!writeError) {
            auto [ec, read] =
                co_await http::async_read_header(m_socket, m_buffer, parser, tupleAwaitable);
            readError = ec;
        }
        const auto length = readError ? boost::none : parser.content_length();
        if (relayLargeBodies && !readError && !parser.is_done() &&
            !(length && *length <= streamThreshold)) {
            // Large, chunked or ended by closing: the caller relays it with readBodyPart().
            m_bodyParser.emplace(std::move(parser));
            m_bodyParser->body_limit(boost::none);
            co_return Response(http::response_header<>(m_bodyParser->get().base()));
        }
        if (!readError && !parser.is_done()) {
            auto [ec, read] = co_await http::async_read(m_socket, m_buffer, parser, tupleAwaitable);
            readError = ec;
        }
        if (!readError) {
            Response response = parser.release();
            if (!response.keep_alive()) {
                disconnect();
            }
            co_return response;
        }
        disconnect();
        if (m_timedOut) {
            co_return std::unexpected(http::status::gateway_timeout);
        }
        if (!(reused && idempotent)) {
            break;
        }
    }
    co_return std::unexpected(http::status::bad_gateway);
}

Task<std::expected<std::size_t, http::status>> Upstream::readBodyPart(std::span<char> into,
                                                                      bool& done)
{
    done = false;
    if (!m_bodyParser) {
        done = true;
        co_return 0;
    }
    auto& body = m_bodyParser->get().body();
    body.data = into.data();
    body.size = into.size();
    body.more = true;
    const ExchangeEnd end{m_watchdog};
    startExchange();
    auto [ec, read] = co_await http::async_read(m_socket, m_buffer, *m_bodyParser, tupleAwaitable);
    if (ec && ec != http::error::need_buffer) {
        m_bodyParser.reset();
        disconnect();
        co_return std::unexpected(m_timedOut ? http::status::gateway_timeout
                                             : http::status::bad_gateway);
    }
    const std::size_t got = into.size() - body.size;
    if (m_bodyParser->is_done()) {
        done = true;
        if (!m_bodyParser->get().keep_alive()) {
            disconnect();
        }
        m_bodyParser.reset();
    }
    co_return got;
}

Task<std::expected<Response, http::status>> Upstream::upgrade(Request request)
{
    if (!connected() && !co_await connect()) {
        co_return std::unexpected(http::status::bad_gateway);
    }
    const ExchangeEnd end{m_watchdog};
    startExchange();
    auto [writeError, written] =
        co_await asio::async_write(m_socket, m_wire.prepare(request), tupleAwaitable);
    if (writeError) {
        co_return std::unexpected(http::status::bad_gateway);
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024);
    auto [readError, read] =
        co_await http::async_read_header(m_socket, m_buffer, parser, tupleAwaitable);
    if (readError) {
        co_return std::unexpected(m_timedOut ? http::status::gateway_timeout
                                             : http::status::bad_gateway);
    }
    if (parser.get().result() != http::status::switching_protocols) {
        auto [ec, n] = co_await http::async_read(m_socket, m_buffer, parser, tupleAwaitable);
        disconnect();
        if (ec) {
            co_return std::unexpected(http::status::bad_gateway);
        }
    }
    co_return parser.release();
}

} // namespace raysec::gateway
