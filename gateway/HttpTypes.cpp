#include "gateway/HttpTypes.h"

#include <nlohmann/json.hpp>

namespace raysec::gateway {

Response textResponse(http::status status, std::string contentType, std::string body,
                      unsigned version, bool keepAlive)
{
    Response response{status, version};
    response.set(http::field::server, "raysec-gateway");
    response.set(http::field::content_type, contentType);
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.keep_alive(keepAlive);
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response jsonError(http::status status, std::string_view code, std::string_view message,
                   unsigned version, bool keepAlive, const HeaderList& extra)
{
    const nlohmann::json body = {
        {"error", {{"code", code}, {"message", message}, {"status", int(status)}}}};
    Response response = textResponse(status, "application/json", body.dump(), version, keepAlive);
    for (const auto& [name, value] : extra) {
        response.set(name, value);
    }
    return response;
}

} // namespace raysec::gateway
