#include "gateway/Connection.h"

#include "gateway/LoginHandler.h"
#include "gateway/RequestGuard.h"
#include "gateway/TlsSocket.h"
#include "gateway/Upstream.h"
#include "gateway/Watchdog.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <sodium.h>

#include <cstdio>
#include <vector>

namespace raysec::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
using namespace asio::experimental::awaitable_operators;

namespace {

std::string_view routeName(RouteClass routeClass)
{
    static constexpr std::string_view names[] = {
        "health",      "login",     "ui",        "cluster-read", "jobs-read",
        "jobs-submit", "jobs-stop", "logs-read", "admin",        "closed"};
    return names[static_cast<int>(routeClass)];
}

// What a login attempt's answer means, for the metrics and the audit line.
std::string_view loginReason(http::status status)
{
    switch (status) {
    case http::status::unauthorized:
        return "login-refused";
    case http::status::too_many_requests:
        return "login-throttled";
    case http::status::method_not_allowed:
        return "method";
    default:
        return "login";
    }
}

// The answer to a request Beast could not parse; the connection is closed after it.
Response parseFailure(const beast::error_code& ec)
{
    if (ec == http::error::body_limit) {
        return jsonError(http::status::payload_too_large, "body-too-large",
                         "The request body is larger than the gateway accepts.", 11, false);
    }
    if (ec == http::error::header_limit) {
        return jsonError(http::status::request_header_fields_too_large, "headers-too-large",
                         "The request headers are larger than the gateway accepts.", 11, false);
    }
    return jsonError(http::status::bad_request, "malformed-request",
                     "The request is not valid HTTP/1.1.", 11, false);
}

// Copies bytes from one side to the other until either fails; traffic(n) is called for every
// piece read, so that the caller can count bytes and keep an idle deadline.
template <typename From, typename To, typename Traffic>
Task<void> pump(From& from, To& to, Traffic traffic)
{
    std::array<char, 16 * 1024> chunk{};
    for (;;) {
        auto [readError, n] = co_await from.async_read_some(asio::buffer(chunk), tupleAwaitable);
        if (readError || n == 0) {
            co_return;
        }
        traffic(n);
        auto [writeError, w] =
            co_await asio::async_write(to, asio::buffer(chunk.data(), n), tupleAwaitable);
        if (writeError) {
            co_return;
        }
    }
}

// Copies bytes both ways until either side closes; traffic(fromClient, n) is called for every
// piece, the bytes already read past the upgrade on either side included.
template <typename Stream, typename Traffic>
Task<void> tunnel(Stream& client, beast::flat_buffer& clientBuffer, Upstream& upstream,
                  Traffic traffic)
{
    if (clientBuffer.size() > 0) {
        traffic(true, clientBuffer.size());
        co_await asio::async_write(upstream.stream(), clientBuffer.data(), tupleAwaitable);
        clientBuffer.consume(clientBuffer.size());
    }
    if (upstream.buffer().size() > 0) {
        traffic(false, upstream.buffer().size());
        co_await asio::async_write(client, upstream.buffer().data(), tupleAwaitable);
        upstream.buffer().consume(upstream.buffer().size());
    }
    co_await (pump(client, upstream.stream(), [&](std::size_t n) { traffic(true, n); }) ||
              pump(upstream.stream(), client, [&](std::size_t n) { traffic(false, n); }));
}

template <typename Stream>
class ConnectionLoop
{
public:
    ConnectionLoop(Stream& stream, GatewayState& state, std::string peer,
                   asio::thread_pool& slowWork)
        : m_stream(stream)
        , m_state(state)
        , m_peer(std::move(peer))
        , m_guard(state)
        , m_login(state, slowWork)
        , m_upstream(
              stream.get_executor(),
              {asio::ip::make_address(state.config.upstream.host), state.config.upstream.port},
              state.config.upstreamTimeout, 64 * 1024 * 1024)
        // Closes the client's socket once it has been idle, slow to send or slow to read for
        // the configured time; run() then ends.
        , m_watchdog(
              stream.get_executor(),
              [this] {
                  beast::error_code ignored;
                  beast::get_lowest_layer(m_stream).close(ignored);
              },
              true)
    {
    }

    Task<void> run()
    {
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.header_limit(std::uint32_t(m_state.config.maxHeaderBytes));
            parser.body_limit(m_state.config.maxBodyBytes);
            m_watchdog.arm(m_state.config.clientTimeout);
            auto [ec, n] = co_await http::async_read(m_stream, m_buffer, parser, tupleAwaitable);
            // Time spent on Ray's side is bounded by the upstream timeout, not the client's.
            m_watchdog.disarm();
            if (m_watchdog.expired() || ec == http::error::end_of_stream ||
                ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
                ec == asio::error::eof) {
                co_return;
            }
            if (ec) {
                Response failure = parseFailure(ec);
                m_state.metrics.recordRequest("invalid", "", failure.result_int(), {});
                m_watchdog.arm(m_state.config.clientTimeout);
                co_await send(failure);
                co_await drainBeforeClose();
                co_return;
            }
            Request request = parser.release();
            if (!co_await handle(request)) {
                co_return;
            }
        }
    }

private:
    // The write itself, awaited by the caller as (error, bytes): a coroutine of its own around
    // it would cost a frame for every answer.
    auto send(const Response& response, std::string_view extraFields = {})
    {
        return asio::async_write(m_stream, m_wire.prepare(response, extraFields), tupleAwaitable);
    }

    // Reads and discards what the client is still sending (typically the rest of a body that
    // was too large) for a bounded time and amount, so that closing the socket does not reset
    // the connection before the client has read the error answer.
    Task<void> drainBeforeClose()
    {
        m_watchdog.arm(std::chrono::seconds(2));
        std::array<char, 16 * 1024> chunk{};
        std::size_t discarded = 0;
        while (discarded < 4 * 1024 * 1024) {
            auto [ec, n] = co_await m_stream.async_read_some(asio::buffer(chunk), tupleAwaitable);
            if (ec) {
                co_return;
            }
            discarded += n;
        }
    }

    // Returns false when the connection must close.
    Task<bool> handle(Request& request)
    {
        const auto started = std::chrono::steady_clock::now();
        Decision decision = m_guard.evaluate(request, m_peer);
        const bool keepAlive = request.keep_alive();
        const unsigned version = request.version();
        Response response;
        switch (decision.action) {
        case Decision::Action::Respond:
            response = std::move(decision.response);
            break;
        case Decision::Action::Forward:
            response = co_await forward(request, decision);
            break;
        case Decision::Action::Tunnel:
            co_return co_await openTunnel(request, decision, started);
        case Decision::Action::Login:
            response = co_await m_login.login(request, m_peer);
            sodium_memzero(request.body().data(), request.body().size());
            decision.reason = loginReason(response.result());
            break;
        case Decision::Action::Logout:
            response = m_login.logout(request);
            decision.reason = "logout";
            break;
        }
        const bool streamed = m_upstream.bodyPending();
        if (streamed && !response.has_content_length()) {
            // Ray's body has no length (chunked, or ended by closing): re-chunk it for an
            // HTTP/1.1 client; an HTTP/1.0 client reads it until the connection closes.
            if (version >= 11) {
                response.chunked(true);
            } else {
                response.keep_alive(false);
            }
        }
        response.keep_alive(keepAlive && response.keep_alive());
        m_watchdog.arm(m_state.config.clientTimeout);
        // Empty but for a forwarded answer: the gateway's own answers carry their fields.
        const auto [ec, sent] = co_await send(response, decision.responseFields);
        bool complete = !ec;
        if (streamed && complete) {
            complete = co_await relayBody(response.chunked());
        }
        record(decision, response.result_int(), started);
        const bool reusable = complete && response.keep_alive();
        co_return reusable;
    }

    // Relays a large or unframed body from Ray as it arrives, re-chunked when chunked is set.
    // Returns false if either side failed; the client's answer is then cut short, so the
    // connection must close.
    Task<bool> relayBody(bool chunked)
    {
        if (m_relay.empty()) {
            m_relay.resize(64 * 1024);
        }
        for (;;) {
            bool done = false;
            auto part = co_await m_upstream.readBodyPart(m_relay, done);
            if (!part) {
                co_return false;
            }
            if (*part > 0) {
                m_watchdog.arm(m_state.config.clientTimeout);
                char sizeLine[24];
                const int sizeLength =
                    chunked ? std::snprintf(sizeLine, sizeof sizeLine, "%zx\r\n", *part) : 0;
                const std::array<asio::const_buffer, 3> pieces = {
                    asio::buffer(sizeLine, std::size_t(sizeLength)),
                    asio::buffer(m_relay.data(), *part), asio::buffer("\r\n", chunked ? 2 : 0)};
                auto [ec, n] = co_await asio::async_write(m_stream, pieces, tupleAwaitable);
                if (ec) {
                    co_return false;
                }
            }
            if (done) {
                break;
            }
        }
        if (chunked) {
            m_watchdog.arm(m_state.config.clientTimeout);
            auto [ec, n] =
                co_await asio::async_write(m_stream, asio::buffer("0\r\n\r\n", 5), tupleAwaitable);
            co_return !ec;
        }
        co_return true;
    }

    Task<Response> forward(Request& request, Decision& decision)
    {
        const bool headRequest = request.method() == http::verb::head;
        prepareUpstreamRequest(request, m_state.config.upstream.host, m_state.config.upstream.port,
                               m_state.rayToken.get(), false);
        auto answer = co_await m_upstream.forward(std::move(request), true);
        if (!answer) {
            const bool timedOut = answer.error() == http::status::gateway_timeout;
            decision.reason = timedOut ? "upstream-timeout" : "upstream-down";
            co_return jsonError(answer.error(), decision.reason,
                                timedOut ? "The Ray dashboard did not answer in time."
                                         : "The Ray dashboard cannot be reached.",
                                11, true);
        }
        Response response = std::move(*answer);
        // Beast has already undone a chunked answer read whole; it goes on framed by its
        // length. A body still to be relayed keeps Ray's length, if it had one.
        const bool wasChunked = response.chunked();
        stripHopByHop(response);
        if (wasChunked && !headRequest && !m_upstream.bodyPending()) {
            response.content_length(response.body().size());
        }
        co_return response;
    }

    Task<bool> openTunnel(Request& request, Decision& decision,
                          std::chrono::steady_clock::time_point started)
    {
        prepareUpstreamRequest(request, m_state.config.upstream.host, m_state.config.upstream.port,
                               m_state.rayToken.get(), true);
        auto answer = co_await m_upstream.upgrade(std::move(request));
        if (!answer) {
            decision.reason = "upstream-down";
        }
        Response response = answer ? std::move(*answer)
                                   : jsonError(answer.error(), "upstream-down",
                                               "The Ray dashboard cannot be reached.", 11, false);
        const bool upgraded = response.result() == http::status::switching_protocols;
        m_watchdog.arm(m_state.config.clientTimeout);
        const auto [ec, sent] = co_await send(response);
        record(decision, response.result_int(), started);
        if (!ec && upgraded) {
            // A log tail may stay quiet for a long while, so the tunnel has its own, longer
            // idle limit, counted from the last byte in either direction.
            const auto idle = m_state.config.tunnelIdle;
            const auto opened = std::chrono::steady_clock::now();
            std::uint64_t fromClient = 0;
            std::uint64_t fromRay = 0;
            m_watchdog.arm(idle);
            co_await tunnel(m_stream, m_buffer, m_upstream, [&](bool client, std::size_t n) {
                (client ? fromClient : fromRay) += n;
                m_watchdog.arm(idle);
            });
            const auto seconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::steady_clock::now() - opened)
                                     .count() /
                                 1000.0;
            m_state.audit.append({{"type", "tunnel-closed"},
                                  {"key", decision.identity ? decision.identity->id : ""},
                                  {"peer", m_peer},
                                  {"ended", m_watchdog.expired() ? "idle" : "closed"},
                                  {"seconds", seconds},
                                  {"bytesFromClient", fromClient},
                                  {"bytesFromRay", fromRay}});
        }
        co_return false;
    }

    void record(const Decision& decision, int status, std::chrono::steady_clock::time_point start)
    {
        const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - start);
        const std::string_view keyId =
            decision.identity ? std::string_view(decision.identity->id) : std::string_view();
        const std::string_view route = routeName(decision.route.routeClass);
        m_state.metrics.recordRequest(route, keyId, status, elapsed);
        // Refusals by the gateway, not Ray's own error answers to requests it let through.
        if (status >= 400 && decision.reason != "allowed") {
            m_state.metrics.recordDecision(decision.reason);
        }
        m_state.audit.appendRequest(
            AuditLog::RequestEvent{route, keyId, m_peer, decision.reason, status});
    }

    Stream& m_stream;
    GatewayState& m_state;
    std::string m_peer;
    RequestGuard m_guard;
    LoginHandler m_login;
    Upstream m_upstream;
    beast::flat_buffer m_buffer;
    WireWriter m_wire;
    std::vector<char> m_relay; // only for bodies relayed piece by piece
    Watchdog m_watchdog;
};

} // namespace

template <typename Stream>
Task<void> serveConnection(Stream& stream, GatewayState& state, std::string peer,
                           asio::thread_pool& slowWork)
{
    state.metrics.setActiveConnections(+1);
    ConnectionLoop<Stream> loop(stream, state, std::move(peer), slowWork);
    co_await loop.run();
    state.metrics.setActiveConnections(-1);
}

template Task<void> serveConnection(Socket&, GatewayState&, std::string, asio::thread_pool&);
template Task<void> serveConnection(TlsSocket&, GatewayState&, std::string, asio::thread_pool&);

} // namespace raysec::gateway
