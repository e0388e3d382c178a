#pragma once

#include "gateway/GatewayState.h"
#include "gateway/Io.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace raysec::gateway {

// The gateway daemon: one io_context and one listening socket (SO_REUSEPORT) per worker
// thread, a loopback admin listener for metrics and health, and reloads of certificates and
// bundles on SIGHUP or when their files change, without dropping a connection.
class Server
{
public:
    using Reloader = std::function<void(GatewayState&, const std::string& why)>;

    Server(GatewayState& state, Reloader reloadBundles);
    ~Server();

    // Binds the listeners; fails with a message naming the address.
    std::expected<void, std::string> start();
    // Runs until SIGTERM or SIGINT (or stop()).
    void run();
    void stop();
    // Reloads the TLS certificate and the bundles now.
    void reload(const std::string& why);

    std::uint16_t port() const { return m_port; }
    boost::asio::io_context& mainContext() { return *m_contexts.front(); }
    std::uint16_t adminPort() const { return m_adminPort; }

    static std::expected<std::shared_ptr<boost::asio::ssl::context>, std::string>
    makeTlsContext(const GatewayConfig& config);

private:
    void acceptLoop();
    std::size_t leastLoadedWorker() const;
    Task<void> serveClient(Socket socket, std::string peer, std::size_t worker);
    void watchFiles();

    GatewayState& m_state;
    Reloader m_reloadBundles;
    std::vector<std::unique_ptr<boost::asio::io_context>> m_contexts;
    std::vector<std::thread> m_threads;
    std::unique_ptr<std::atomic<int>[]> m_connectionsPerWorker; // one count per context
    boost::asio::thread_pool m_slowWork{2};
    std::atomic<std::shared_ptr<boost::asio::ssl::context>> m_tls;
    std::uint16_t m_port = 0;
    std::uint16_t m_adminPort = 0;
    struct Listeners;
    std::unique_ptr<Listeners> m_listeners;
};

} // namespace raysec::gateway
