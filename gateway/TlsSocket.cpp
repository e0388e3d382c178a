#include "gateway/TlsSocket.h"

#include <boost/asio/error.hpp>

namespace raysec::gateway {

namespace asio = boost::asio;

TlsSocket::TlsSocket(Socket socket, asio::ssl::context& context)
    : m_socket(std::move(socket))
    , m_ssl(SSL_new(context.native_handle()))
    , m_received(new char[receivedSize])
{
    boost::system::error_code ignored;
    m_socket.non_blocking(true, ignored);
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new_socket(int(m_socket.native_handle()), BIO_NOCLOSE);
    if (!m_ssl || !in || !out) {
        BIO_free(in);
        BIO_free(out);
        SSL_free(m_ssl);
        m_ssl = nullptr;
        return;
    }
    // An empty input BIO asks OpenSSL to retry (WANT_READ) rather than reporting the end.
    BIO_set_mem_eof_return(in, -1);
    SSL_set_bio(m_ssl, in, out);
    m_in = in;
    SSL_set_accept_state(m_ssl);
    // A write may return after part of the buffer, the rest being offered again from
    // wherever it then is.
    SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

TlsSocket::~TlsSocket()
{
    SSL_free(m_ssl);
}

boost::system::error_code TlsSocket::feed(std::size_t n)
{
    // A memory BIO grows as needed; it only refuses when memory runs out.
    if (BIO_write(m_in, m_received.get(), int(n)) != int(n)) {
        return asio::error::no_memory;
    }
    return {};
}

TlsSocket::Step TlsSocket::classify(int result, boost::system::error_code& error)
{
    switch (SSL_get_error(m_ssl, result)) {
    case SSL_ERROR_WANT_READ:
        return Step::WantRead;
    case SSL_ERROR_WANT_WRITE:
        return Step::WantWrite;
    case SSL_ERROR_ZERO_RETURN:
        error = asio::error::eof;
        return Step::Failed;
    case SSL_ERROR_SYSCALL:
        // No alert and no errno: the peer closed the connection without a closing alert.
        error = errno != 0 ? boost::system::error_code(errno, boost::system::system_category())
                           : boost::system::error_code(asio::error::eof);
        return Step::Failed;
    default: {
        const unsigned long code = ERR_get_error();
        error = code != 0 ? boost::system::error_code(int(code), asio::error::get_ssl_category())
                          : boost::system::error_code(asio::error::connection_aborted);
        return Step::Failed;
    }
    }
}

TlsSocket::Step TlsSocket::transfer(bool reading, void* data, std::size_t size, std::size_t& n,
                                    boost::system::error_code& error)
{
    if (!m_ssl || !m_socket.is_open()) {
        error = asio::error::bad_descriptor;
        return Step::Failed;
    }
    ERR_clear_error();
    errno = 0;
    const int result =
        reading ? SSL_read_ex(m_ssl, data, size, &n) : SSL_write_ex(m_ssl, data, size, &n);
    return result == 1 ? Step::Done : classify(result, error);
}

Task<boost::system::error_code> TlsSocket::handshake()
{
    if (!m_ssl) {
        co_return asio::error::no_memory;
    }
    for (;;) {
        ERR_clear_error();
        errno = 0;
        boost::system::error_code error;
        const int result = SSL_do_handshake(m_ssl);
        if (result == 1) {
            co_return error;
        }
        const Step step = classify(result, error);
        if (step == Step::Failed) {
            co_return error;
        }
        if (step == Step::WantRead) {
            auto [readError, n] = co_await m_socket.async_read_some(received(), tupleAwaitable);
            if (readError) {
                co_return readError;
            }
            if (const auto fed = feed(n)) {
                co_return fed;
            }
        } else {
            auto [waitError] = co_await m_socket.async_wait(Socket::wait_write, tupleAwaitable);
            if (waitError) {
                co_return waitError;
            }
        }
    }
}

void TlsSocket::shutdown()
{
    if (m_ssl && m_socket.is_open()) {
        ERR_clear_error();
        SSL_shutdown(m_ssl);
    }
}

} // namespace raysec::gateway
