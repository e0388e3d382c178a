#include "sim/FaultInjector.h"

#include "sim/AuthGate.h"

namespace raysec::sim {

FaultInjector::FaultInjector(const SimOptions& options)
    : m_errorRate(options.errorRate)
    , m_malformed(options.malformed)
    , m_rng(options.seed ^ 0x5eedf00dULL)
{
}

std::optional<HttpReply> FaultInjector::injectError(const QString& path)
{
    const bool api = path.startsWith(QLatin1String("/api/")) && !AuthGate::isExempt(path);
    if (!api || m_errorRate <= 0.0 ||
        std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) >= m_errorRate) {
        return std::nullopt;
    }
    return HttpReply::text(
        "Traceback (most recent call last):\n"
        "  File \"/home/ray/anaconda3/lib/python3.11/site-packages/ray/dashboard/optional_utils.py"
        "\", line 78, in _handler_route\n"
        "    return await handler(bind_info.instance, req)\n"
        "  File \"/home/ray/anaconda3/lib/python3.11/site-packages/ray/_private/gcs_aio_client.py"
        "\", line 112, in _call\n"
        "    raise RpcError(\"Deadline Exceeded\")\n"
        "ray.exceptions.RpcError: Deadline Exceeded (simulated by raysec-sim --error-rate)\n",
        500);
}

void FaultInjector::mangle(HttpReply& reply) const
{
    if (!reply.isJson || reply.status != 200 || m_malformed == SimOptions::Malformed::None) {
        return;
    }
    switch (m_malformed) {
    case SimOptions::Malformed::Truncated:
        reply.body.truncate(reply.body.size() / 2);
        break;
    case SimOptions::Malformed::WrongTypes:
        reply.body = QByteArray::fromStdString(
            withWrongTypes(nlohmann::json::parse(reply.body.toStdString())).dump());
        break;
    case SimOptions::Malformed::Oversized:
        reply.body = padded(reply.body);
        break;
    case SimOptions::Malformed::NotJson:
        reply.body = "<html><head><title>502 Bad Gateway</title></head><body><center>"
                     "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        break;
    case SimOptions::Malformed::None:
        break;
    }
}

nlohmann::json FaultInjector::withWrongTypes(const nlohmann::json& value)
{
    if (value.is_object()) {
        nlohmann::json changed = nlohmann::json::object();
        for (const auto& [key, item] : value.items()) {
            changed[key] = withWrongTypes(item);
        }
        return changed;
    }
    if (value.is_array()) {
        nlohmann::json changed = nlohmann::json::array();
        for (const auto& item : value) {
            changed.push_back(withWrongTypes(item));
        }
        return changed;
    }
    if (value.is_string()) {
        return value.get<std::string>().size(); // text becomes a number
    }
    if (value.is_number()) {
        return value.dump(); // a number becomes text
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "True" : "False";
    }
    return value;
}

QByteArray FaultInjector::padded(const QByteArray& body)
{
    // Still valid JSON, so only a size limit stops a client from swallowing it.
    const QByteArray padding = '"' + QByteArray(kOversizedBytes, 'x') + '"';
    if (body.startsWith('{')) {
        return "{\"padding\":" + padding + (body.size() > 2 ? "," : "") + body.mid(1);
    }
    if (body.startsWith('[')) {
        return '[' + padding + (body.size() > 2 ? "," : "") + body.mid(1);
    }
    return body;
}

} // namespace raysec::sim
