#pragma once

#include <nlohmann/json.hpp>

#include <QByteArray>

namespace raysec::sim {

// One answer of the simulated dashboard: status, content type and body. JSON bodies are
// written like Python's json.dumps (ASCII only, non-ASCII escaped), as aiohttp does for Ray.
struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    bool isJson = false;

    static HttpReply json(const nlohmann::json& value, int status = 200)
    {
        const std::string text =
            value.dump(-1, ' ', true, nlohmann::json::error_handler_t::replace);
        return {status, "application/json", QByteArray::fromStdString(text), true};
    }
    static HttpReply text(const QByteArray& body, int status)
    {
        return {status, "text/plain; charset=utf-8", body, false};
    }
    static HttpReply notFound() { return text("404: Not Found", 404); }
    static HttpReply methodNotAllowed() { return text("405: Method Not Allowed", 405); }
};

} // namespace raysec::sim
