#pragma once

#include <boost/beast/http.hpp>

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

} // namespace raysec::gateway
