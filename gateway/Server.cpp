#include "gateway/Server.h"

#include "gateway/Connection.h"
#include "gateway/HttpTypes.h"
#include "gateway/TlsSocket.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

namespace raysec::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;

namespace {

// For the accept loops and the admin listener, which are not bound to one worker.
constexpr auto anyTupleAwaitable = asio::as_tuple(asio::use_awaitable);

std::expected<tcp::acceptor, std::string>
bind(asio::io_context& context, const GatewayConfig::Endpoint& where, std::uint16_t port)
{
    tcp::acceptor acceptor(context);
    beast::error_code ec;
    const tcp::endpoint endpoint(asio::ip::make_address(where.host), port);
    acceptor.open(endpoint.protocol(), ec);
    acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    acceptor.bind(endpoint, ec);
    if (!ec) {
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return std::unexpected("cannot listen on " + where.host + ":" + std::to_string(port) +
                               ": " + ec.message());
    }
    return acceptor;
}

asio::awaitable<void> serveAdmin(tcp::socket socket, GatewayState& state)
{
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    Request request;
    stream.expires_after(std::chrono::seconds(10));
    auto [ec, n] = co_await http::async_read(stream, buffer, request, anyTupleAwaitable);
    if (ec) {
        co_return;
    }
    Response response;
    if (request.target() == "/metrics") {
        response = textResponse(http::status::ok, "text/plain; version=0.0.4",
                                state.metrics.prometheusText(), request.version(), false);
    } else if (request.target() == "/-/healthz") {
        response = textResponse(http::status::ok, "text/plain", "ok\n", request.version(), false);
    } else {
        response = jsonError(http::status::not_found, "not-found",
                             "The admin listener serves /metrics and /-/healthz.",
                             request.version(), false);
    }
    co_await http::async_write(stream, response, anyTupleAwaitable);
}

} // namespace

struct Server::Listeners
{
    std::unique_ptr<tcp::acceptor> clients;
    std::unique_ptr<tcp::acceptor> admin;
};

Server::Server(GatewayState& state, Reloader reloadBundles)
    : m_state(state)
    , m_reloadBundles(std::move(reloadBundles))
    , m_listeners(std::make_unique<Listeners>())
{
}

Server::~Server()
{
    stop();
    for (std::thread& t : m_threads) {
        if (t.joinable()) {
            t.join();
        }
    }
    m_slowWork.join();
}

std::expected<std::shared_ptr<asio::ssl::context>, std::string>
Server::makeTlsContext(const GatewayConfig& config)
{
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
    beast::error_code ec;
    context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                         asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                         asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
    context->use_certificate_chain_file(config.certificateFile, ec);
    if (ec) {
        return std::unexpected("cannot load certificate " + config.certificateFile + ": " +
                               ec.message());
    }
    context->use_private_key_file(config.keyFile, asio::ssl::context::pem, ec);
    if (ec) {
        return std::unexpected("cannot load key " + config.keyFile + ": " + ec.message());
    }
    if (!config.clientCaFile.empty()) {
        context->load_verify_file(config.clientCaFile, ec);
        if (ec) {
            return std::unexpected("cannot load client CA " + config.clientCaFile + ": " +
                                   ec.message());
        }
        context->set_verify_mode(config.requireClientCertificate
                                     ? asio::ssl::verify_peer |
                                           asio::ssl::verify_fail_if_no_peer_cert
                                     : asio::ssl::verify_peer);
    }
    return context;
}

std::expected<void, std::string> Server::start()
{
    // OpenSSL writes TLS records to the client's socket with write(), which raises SIGPIPE
    // when the client has gone; the failed write is handled where it happens.
    std::signal(SIGPIPE, SIG_IGN);
    if (!m_state.config.plainHttp) {
        auto tls = makeTlsContext(m_state.config);
        if (!tls) {
            return std::unexpected(tls.error());
        }
        m_tls.store(*tls);
    }
    unsigned workers = m_state.config.threads;
    if (workers == 0) {
        workers = std::max(1u, std::thread::hardware_concurrency());
    }
    // A socket is only ever used by the thread of the worker it was accepted for, so the
    // reactor's per-socket locks are left out (UNSAFE_IO); posting work to a worker and
    // registering a socket with it from the accepting thread stay locked.
    for (unsigned i = 0; i < workers; ++i) {
        m_contexts.push_back(
            std::make_unique<asio::io_context>(BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO));
    }
    m_connectionsPerWorker = std::make_unique<std::atomic<int>[]>(workers);
    // One listening socket; each accepted connection goes to the worker serving the fewest.
    // (A listener per worker with SO_REUSEPORT leaves the split to the kernel's hash, which
    // with a few dozen connections routinely gives one worker half again as many.)
    auto acceptor = bind(*m_contexts.front(), m_state.config.listen, m_state.config.listen.port);
    if (!acceptor) {
        return std::unexpected(acceptor.error());
    }
    m_port = acceptor->local_endpoint().port();
    m_listeners->clients = std::make_unique<tcp::acceptor>(std::move(*acceptor));
    auto admin = bind(*m_contexts.front(), m_state.config.admin, m_state.config.admin.port);
    if (!admin) {
        return std::unexpected(admin.error());
    }
    m_adminPort = admin->local_endpoint().port();
    m_listeners->admin = std::make_unique<tcp::acceptor>(std::move(*admin));
    return {};
}

std::size_t Server::leastLoadedWorker() const
{
    std::size_t best = 0;
    for (std::size_t i = 1; i < m_contexts.size(); ++i) {
        if (m_connectionsPerWorker[i].load(std::memory_order_relaxed) <
            m_connectionsPerWorker[best].load(std::memory_order_relaxed)) {
            best = i;
        }
    }
    return best;
}

void Server::acceptLoop()
{
    tcp::acceptor& acceptor = *m_listeners->clients;
    asio::co_spawn(
        acceptor.get_executor(),
        [this, &acceptor]() -> asio::awaitable<void> {
            for (;;) {
                const std::size_t worker = leastLoadedWorker();
                auto [ec, socket] = co_await acceptor.async_accept(
                    m_contexts[worker]->get_executor(), anyTupleAwaitable);
                if (ec) {
                    if (ec == asio::error::operation_aborted) {
                        co_return;
                    }
                    continue;
                }
                m_connectionsPerWorker[worker].fetch_add(1, std::memory_order_relaxed);
                socket.set_option(tcp::no_delay(true));
                beast::error_code peerError;
                const std::string peer = socket.remote_endpoint(peerError).address().to_string();
                asio::co_spawn(m_contexts[worker]->get_executor(),
                               serveClient(std::move(socket), peer, worker), asio::detached);
            }
        },
        asio::detached);
}

// A member coroutine with by-value parameters rather than a capturing lambda: g++ 12
// destroys the captures of a coroutine lambda handed to co_spawn twice.
Task<void> Server::serveClient(Socket socket, std::string peer, std::size_t worker)
{
    // The accept loop counted this connection when it chose the worker.
    struct Uncount
    {
        std::atomic<int>& count;
        ~Uncount() { count.fetch_sub(1, std::memory_order_relaxed); }
    } uncount{m_connectionsPerWorker[worker]};

    if (m_state.config.plainHttp) {
        co_await serveConnection(socket, m_state, peer, m_slowWork);
        co_return;
    }
    std::shared_ptr<asio::ssl::context> tls = m_tls.load();
    TlsSocket stream(std::move(socket), *tls);
    // The handshake gets a deadline of its own; after it, the connection keeps its own
    // deadlines.
    Timer deadline(stream.get_executor());
    deadline.expires_after(m_state.config.clientTimeout);
    const auto handshake = co_await (stream.handshake() || deadline.async_wait(tupleAwaitable));
    if (handshake.index() != 0 || std::get<0>(handshake)) {
        co_return;
    }
    co_await serveConnection(stream, m_state, peer, m_slowWork);
    stream.shutdown();
}

void Server::run()
{
    asio::io_context& main = *m_contexts.front();
    asio::signal_set stopSignals(main, SIGINT, SIGTERM);
    stopSignals.async_wait([this](const beast::error_code& ec, int) {
        if (!ec) {
            stop();
        }
    });
    asio::signal_set hangup(main, SIGHUP);
    std::function<void()> waitHangup = [&] {
        hangup.async_wait([&, this](const beast::error_code& ec, int) {
            if (!ec) {
                reload("SIGHUP");
                waitHangup();
            }
        });
    };
    waitHangup();

    asio::co_spawn(
        main,
        [this]() -> asio::awaitable<void> {
            for (;;) {
                auto [ec, socket] = co_await m_listeners->admin->async_accept(anyTupleAwaitable);
                if (ec == asio::error::operation_aborted) {
                    co_return;
                }
                if (!ec) {
                    asio::co_spawn(m_listeners->admin->get_executor(),
                                   serveAdmin(std::move(socket), m_state), asio::detached);
                }
            }
        },
        asio::detached);
    watchFiles();

    acceptLoop();
    for (std::size_t i = 1; i < m_contexts.size(); ++i) {
        // A worker may have no connection yet: keep its loop alive until stop().
        m_threads.emplace_back([this, i] {
            auto busy = asio::make_work_guard(*m_contexts[i]);
            m_contexts[i]->run();
        });
    }
    main.run();
    for (std::thread& t : m_threads) {
        t.join();
    }
    m_threads.clear();
}

void Server::stop()
{
    for (auto& context : m_contexts) {
        context->stop();
    }
}

void Server::reload(const std::string& why)
{
    if (!m_state.config.plainHttp) {
        auto tls = makeTlsContext(m_state.config);
        if (tls) {
            m_tls.store(*tls); // connections keep the context they started with
        } else {
            std::cerr << "raysec-gateway: keeping the current certificate: " << tls.error()
                      << std::endl;
        }
    }
    if (m_reloadBundles) {
        m_reloadBundles(m_state, why);
    }
}

void Server::watchFiles()
{
    // Polling file times is simple and portable; two seconds is quick enough for an admin.
    auto timer = std::make_shared<asio::steady_timer>(*m_contexts.front());
    auto stamps = std::make_shared<std::map<std::string, std::filesystem::file_time_type>>();
    const GatewayConfig& c = m_state.config;
    const std::vector<std::string> files = {c.certificateFile, c.keyFile,       c.publicKeyFile,
                                            c.keyRegistryFile, c.userStoreFile, c.policyFile};
    auto check = std::make_shared<std::function<void()>>();
    *check = [this, timer, stamps, files, check] {
        bool changed = false;
        for (const std::string& file : files) {
            std::error_code ec;
            for (const std::string& path : {file, file + ".minisig"}) {
                if (file.empty()) {
                    continue;
                }
                const auto stamp = std::filesystem::last_write_time(path, ec);
                if (!ec && stamps->contains(path) && (*stamps)[path] != stamp) {
                    changed = true;
                }
                if (!ec) {
                    (*stamps)[path] = stamp;
                }
            }
        }
        if (changed) {
            reload("file change");
        }
        timer->expires_after(std::chrono::seconds(2));
        timer->async_wait([check](const beast::error_code& ec) {
            if (!ec) {
                (*check)();
            }
        });
    };
    (*check)();
}

} // namespace raysec::gateway
