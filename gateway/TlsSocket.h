#pragma once

#include "gateway/Io.h"

#include <boost/asio/compose.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <memory>

namespace raysec::gateway {

// A TLS server connection with less machinery than Asio's ssl::stream, which passes every
// record through a pair of memory BIOs and its own engine and was a visible share of a proxied
// request. OpenSSL writes the socket itself; a write it cannot finish waits until the socket
// is writable. Received bytes come through Asio's own read of the socket into one memory BIO:
// that read is tried at once and otherwise queued on the socket's registration, where waiting
// for readability (async_wait) would re-register the socket with epoll every time, about
// every other request on a kept-alive connection.
//
// An AsyncReadStream and AsyncWriteStream for Beast and asio::async_write. Like any socket it
// belongs to one io_context thread.
class TlsSocket
{
public:
    using executor_type = Executor;
    using next_layer_type = Socket;

    TlsSocket(Socket socket, boost::asio::ssl::context& context);
    ~TlsSocket();
    TlsSocket(const TlsSocket&) = delete;
    TlsSocket& operator=(const TlsSocket&) = delete;

    executor_type get_executor() { return m_socket.get_executor(); }
    Socket& next_layer() { return m_socket; }
    SSL* native_handle() { return m_ssl; }

    // The server side of the handshake; an error when it fails or is cancelled.
    Task<boost::system::error_code> handshake();
    // Sends the closing alert if the socket is still writable, without waiting for the peer's.
    void shutdown();

    template <typename MutableBuffers, typename Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token)
    {
        return boost::asio::async_compose<Token, void(boost::system::error_code, std::size_t)>(
            Operation<true>{*this, firstBuffer<boost::asio::mutable_buffer>(buffers)}, token,
            m_socket);
    }

    template <typename ConstBuffers, typename Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token)
    {
        return boost::asio::async_compose<Token, void(boost::system::error_code, std::size_t)>(
            Operation<false>{*this, firstBuffer<boost::asio::const_buffer>(buffers)}, token,
            m_socket);
    }

private:
    enum class Step
    {
        Done,      // n bytes were transferred
        WantRead,  // wait until the socket is readable, then try again
        WantWrite, // wait until the socket is writable, then try again
        Failed
    };

    // One SSL_read_ex or SSL_write_ex; error is set with Failed.
    Step transfer(bool reading, void* data, std::size_t size, std::size_t& n,
                  boost::system::error_code& error);
    Step classify(int result, boost::system::error_code& error);

    // Where the socket's bytes are read to before OpenSSL gets them (feed()). A request's
    // header fits in one read; a larger record comes in several, which the BIO joins. Kept
    // small because it lives as long as the connection, idle ones included.
    boost::asio::mutable_buffer received() { return {m_received.get(), receivedSize}; }
    // Hands n received bytes to OpenSSL; an error when its buffer cannot take them.
    boost::system::error_code feed(std::size_t n);
    // Waits for what OpenSSL asked for: handler(error, n) once n bytes have been read into
    // received(), for feed(); handler(error) once the socket is writable.
    template <typename Handler>
    void await(Step step, Handler&& handler);

    template <typename Buffer, typename Buffers>
    static Buffer firstBuffer(const Buffers& buffers)
    {
        for (auto it = boost::asio::buffer_sequence_begin(buffers);
             it != boost::asio::buffer_sequence_end(buffers); ++it) {
            const Buffer buffer(*it);
            if (buffer.size() > 0) {
                return buffer;
            }
        }
        return Buffer();
    }

    // A read (Reading) or write of one buffer. It tries at once; when OpenSSL needs bytes from
    // the peer they are read and fed to it, when it needs a writable socket that is waited
    // for, and it tries again. A result that is ready at once is posted, so the handler never
    // runs inside the call that started the operation.
    template <bool Reading>
    struct Operation
    {
        using Buffer =
            std::conditional_t<Reading, boost::asio::mutable_buffer, boost::asio::const_buffer>;

        TlsSocket& tls;
        Buffer buffer;
        bool waited = false;
        bool posted = false;
        boost::system::error_code result{};
        std::size_t transferred = 0;

        // The peer's bytes arrived (read), or the socket became writable (wait).
        template <typename Self>
        void operator()(Self& self, boost::system::error_code error, std::size_t received)
        {
            if (!error) {
                error = tls.feed(received);
            }
            if (error) {
                self.complete(error, 0);
                return;
            }
            (*this)(self);
        }
        template <typename Self>
        void operator()(Self& self, boost::system::error_code error)
        {
            if (error) {
                self.complete(error, 0);
                return;
            }
            (*this)(self);
        }

        template <typename Self>
        void operator()(Self& self)
        {
            if (posted) {
                self.complete(result, transferred);
                return;
            }
            std::size_t n = 0;
            boost::system::error_code error;
            const Step step =
                buffer.size() == 0
                    ? Step::Done
                    : tls.transfer(Reading,
                                   const_cast<void*>(static_cast<const void*>(buffer.data())),
                                   buffer.size(), n, error);
            if (step == Step::WantRead || step == Step::WantWrite) {
                waited = true;
                tls.await(step, std::move(self));
                return;
            }
            if (waited) {
                self.complete(error, n);
                return;
            }
            posted = true;
            result = error;
            transferred = n;
            boost::asio::post(tls.m_socket.get_executor(), std::move(self));
        }
    };

    static constexpr std::size_t receivedSize = 4 * 1024;

    Socket m_socket;
    SSL* m_ssl;
    BIO* m_in = nullptr; // owned by m_ssl
    std::unique_ptr<char[]> m_received;
};

template <typename Handler>
void TlsSocket::await(Step step, Handler&& handler)
{
    if (step == Step::WantRead) {
        m_socket.async_read_some(received(), std::forward<Handler>(handler));
    } else {
        m_socket.async_wait(Socket::wait_write, std::forward<Handler>(handler));
    }
}

} // namespace raysec::gateway
