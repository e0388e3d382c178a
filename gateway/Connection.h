#pragma once

#include "gateway/GatewayState.h"
#include "gateway/Io.h"

#include <boost/asio/thread_pool.hpp>

#include <string>

namespace raysec::gateway {

// Serves one client connection (TLS or, on loopback only, plain): reads requests with size
// and time limits, asks the RequestGuard, forwards to Ray over a kept-alive upstream
// connection, tunnels WebSockets, and records metrics and an audit line for every decision.
// Stream is Socket (plain HTTP on loopback) or TlsSocket.
template <typename Stream>
Task<void> serveConnection(Stream& stream, GatewayState& state, std::string peerAddress,
                           boost::asio::thread_pool& slowWork);

} // namespace raysec::gateway
