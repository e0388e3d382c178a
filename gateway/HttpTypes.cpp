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

namespace {

void appendVersion(unsigned version, std::string& out)
{
    out += "HTTP/";
    out.push_back(char('0' + version / 10 % 10));
    out.push_back('.');
    out.push_back(char('0' + version % 10));
}

} // namespace

template <typename Message>
std::array<boost::asio::const_buffer, 2> WireWriter::finish(const Message& message,
                                                            std::string_view extraFields)
{
    for (const auto& field : message) {
        const auto name = field.name_string();
        const auto value = field.value();
        m_text.append(name.data(), name.size());
        m_text += ": ";
        m_text.append(value.data(), value.size());
        m_text += "\r\n";
    }
    m_text += extraFields;
    m_text += "\r\n";
    const std::string& body = message.body();
    if (body.size() <= copiedBodyBytes) {
        m_text += body;
        return {boost::asio::buffer(m_text), boost::asio::const_buffer()};
    }
    return {boost::asio::buffer(m_text), boost::asio::buffer(body)};
}

std::array<boost::asio::const_buffer, 2> WireWriter::prepare(const Request& request)
{
    m_text.clear();
    const auto method = request.method_string();
    const auto target = request.target();
    m_text.append(method.data(), method.size());
    m_text.push_back(' ');
    m_text.append(target.data(), target.size());
    m_text.push_back(' ');
    appendVersion(request.version(), m_text);
    m_text += "\r\n";
    return finish(request, {});
}

std::array<boost::asio::const_buffer, 2> WireWriter::prepare(const Response& response,
                                                             std::string_view extraFields)
{
    m_text.clear();
    appendVersion(response.version(), m_text);
    m_text.push_back(' ');
    m_text += std::to_string(response.result_int());
    m_text.push_back(' ');
    const auto reason =
        response.reason().empty() ? http::obsolete_reason(response.result()) : response.reason();
    m_text.append(reason.data(), reason.size());
    m_text += "\r\n";
    return finish(response, extraFields);
}

} // namespace raysec::gateway
