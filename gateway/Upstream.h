#pragma once

#include "gateway/HttpTypes.h"
#include "gateway/Io.h"
#include "gateway/Watchdog.h"

#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <expected>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace raysec::gateway {

// Removes what must not reach Ray: hop-by-hop headers, the client's own credentials and the
// browser markers that Ray's 405 guard looks for (the gateway has already authenticated the
// request and checked its origin), then adds Ray's token.
void prepareUpstreamRequest(Request& request, const std::string& host, std::uint16_t port,
                            const std::string* rayToken, bool keepUpgrade);
void stripHopByHop(Response& response);

// One keep-alive connection to the Ray dashboard on loopback, owned by one client connection.
class Upstream
{
public:
    Upstream(const Executor& executor, boost::asio::ip::tcp::endpoint endpoint,
             std::chrono::seconds timeout, std::size_t maxResponseBytes);

    // Answers with a body of known length up to this size are read whole; larger, chunked or
    // close-delimited ones are relayed piece by piece, so their size is not limited.
    static constexpr std::size_t streamThreshold = 1024 * 1024;

    // The upstream's answer, or 502 (unreachable, broken answer, or a body over the limit
    // when read whole) / 504 (timed out). With relayLargeBodies, when bodyPending() is true
    // afterwards, the answer holds only the header (with Ray's framing fields) and the body
    // follows through readBodyPart().
    Task<std::expected<Response, http::status>> forward(Request request,
                                                        bool relayLargeBodies = false);
    bool bodyPending() const { return m_bodyParser.has_value(); }
    // The next piece of a pending body, up to into.size() bytes; done is set with the last.
    Task<std::expected<std::size_t, http::status>> readBodyPart(std::span<char> into, bool& done);

    // Sends an upgrade request and, on 101, returns the upstream's answer with the connection
    // left open for tunnel(); the caller relays the 101 and then tunnels.
    Task<std::expected<Response, http::status>> upgrade(Request request);
    Socket& stream() { return m_socket; }
    boost::beast::flat_buffer& buffer() { return m_buffer; }

private:
    // Closes the connection to Ray; the next request opens a new one.
    void disconnect();

    // A kept-alive connection is checked without a coroutine of its own: that ran for every
    // forwarded request.
    bool connected() const;
    Task<bool> connect();
    // Starts the timeout for the next exchange with Ray.
    void startExchange();

    Socket m_socket;
    Watchdog m_watchdog;
    bool m_timedOut = false; // the watchdog ended the current exchange
    boost::beast::flat_buffer m_buffer;
    WireWriter m_wire;
    std::optional<http::response_parser<http::buffer_body>> m_bodyParser;
    boost::asio::ip::tcp::endpoint m_endpoint;
    std::chrono::seconds m_timeout;
    std::size_t m_maxResponseBytes;
    bool m_connected = false;
};

} // namespace raysec::gateway
