#pragma once

#include <boost/beast/http.hpp>

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace raysec::gateway {

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// A JSON error answer: {"error": {"code": ..., "message": ...}} with the given status.
Response jsonError(http::status status, std::string_view code, std::string_view message,
                   unsigned version, bool keepAlive, const HeaderList& extra = {});
Response textResponse(http::status status, std::string contentType, std::string body,
                      unsigned version, bool keepAlive);

// Puts a message on the wire as one buffer: start line and fields are written as text into
// storage reused from message to message, with a small body copied behind them (a large one is
// sent from the message itself as a second buffer). Beast's serializer walks a buffer sequence
// field by field and was a large share of a forwarded request's cost. Messages carry no
// Transfer-Encoding of their own here: bodies are complete and framed by Content-Length.
class WireWriter
{
public:
    static constexpr std::size_t copiedBodyBytes = 16 * 1024;

    // Valid until the next call or the message changes. extraFields are complete header lines
    // ("Name: value\r\n") written after the message's own.
    std::array<boost::asio::const_buffer, 2> prepare(const Request& request);
    std::array<boost::asio::const_buffer, 2> prepare(const Response& response,
                                                     std::string_view extraFields = {});

private:
    template <typename Message>
    std::array<boost::asio::const_buffer, 2> finish(const Message& message,
                                                    std::string_view extraFields);

    std::string m_text;
};

} // namespace raysec::gateway
