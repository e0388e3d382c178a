// Probes of what the network lets through: Ray's internal ports and rate limiting.

#include "core/audit/ProbeContext.h"
#include "core/audit/Probes.h"

#include <QCoreApplication>

namespace raysec::probes {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::probes)
};

QList<PortSpec> portsOf(const Check& check, ProbeContext& ctx)
{
    if (ctx.settings().ports) {
        return *ctx.settings().ports;
    }
    QList<PortSpec> ports;
    for (const auto& item : check.params.value("ports", nlohmann::json::array())) {
        const int port = item.value("port", 0);
        if (port > 0 && port < 65536) {
            ports.append(
                {quint16(port), QString::fromStdString(item.value("name", std::string()))});
        }
    }
    return ports;
}

bool limited(const HttpExchange& answer)
{
    return answer.status == 429 || answer.hasHeaderPrefix("ratelimit") ||
           answer.hasHeaderPrefix("x-ratelimit") || !answer.header("retry-after").isEmpty();
}

} // namespace

CheckResult portsReachable(const Check& check, ProbeContext& ctx)
{
    const QString host = ctx.transport().baseUrl().host();
    const int timeoutMs = check.params.value("timeoutMs", 1500);
    QList<Evidence> evidence;
    QStringList open;
    for (const PortSpec& spec : portsOf(check, ctx)) {
        const bool reachable = ctx.transport().tcpConnect(host, spec.port, timeoutMs);
        evidence.append(
            Evidence{Text::tr("TCP connect %1:%2 (%3)").arg(host).arg(spec.port).arg(spec.name), 0,
                     reachable ? Text::tr("connection accepted") : Text::tr("no connection")});
        if (reachable) {
            open.append(QStringLiteral("%1 (%2)").arg(spec.port).arg(spec.name));
        }
    }
    if (evidence.isEmpty()) {
        return result(check, CheckOutcome::Error, Text::tr("No ports to check."));
    }
    if (!open.isEmpty()) {
        return result(
            check, CheckOutcome::Fail,
            Text::tr("Reachable from this workstation: %1.").arg(open.join(QStringLiteral(", "))),
            evidence);
    }
    return result(check, CheckOutcome::Pass,
                  Text::tr("None of the Ray ports accepted a connection."), evidence);
}

CheckResult rateLimit(const Check& check, ProbeContext& ctx)
{
    const QString path =
        QString::fromStdString(check.params.value("path", std::string("/api/healthz")));
    // A small, bounded burst: enough to trip a per-second limit, too little to load a cluster.
    const int burst = qBound(1, check.params.value("burst", 12), 30);
    QList<Evidence> evidence;
    int answered = 0;
    for (int i = 0; i < burst; ++i) {
        const HttpExchange answer = ctx.transport().fetch("GET", path, false);
        answered += answer.status != 0 ? 1 : 0;
        if (limited(answer)) {
            evidence.append(ProbeContext::evidenceOf("GET", path, answer));
            return result(check, CheckOutcome::Pass,
                          Text::tr("Request %1 of the burst saw a rate limit.").arg(i + 1),
                          evidence);
        }
        if (i == 0 || i == burst - 1) {
            evidence.append(ProbeContext::evidenceOf("GET", path, answer));
        }
    }
    if (answered == 0) {
        return result(check, CheckOutcome::Error, Text::tr("No request of the burst was answered."),
                      evidence);
    }
    return result(
        check, CheckOutcome::Fail,
        Text::tr("%1 requests in a burst saw neither 429 nor a RateLimit header.").arg(burst),
        evidence);
}

} // namespace raysec::probes
