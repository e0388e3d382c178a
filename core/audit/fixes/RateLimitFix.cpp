#include "core/audit/fixes/RateLimitFix.h"

#include "core/gatewayclient/GatewayConfig.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RateLimitFix)
};

} // namespace

Result<void> RateLimitFix::generate(const HardeningInputs& in, const QStringList& checks,
                                    HardeningOutput& out)
{
    GatewayConfig c;
    c.certificate = in.gatewayDir + QStringLiteral("/tls.crt");
    c.key = in.gatewayDir + QStringLiteral("/tls.key");
    c.publicKey = in.gatewayDir + QStringLiteral("/raysec-registry.pub");
    c.keyRegistry = in.gatewayDir + QStringLiteral("/registry.json");
    c.auditLog = QStringLiteral("/var/log/raysec-gateway/audit.jsonl");
    c.rateLimits = GatewayConfig::defaultRateLimits();
    if (auto ok = c.validated(); !ok) {
        return ok;
    }
    nlohmann::ordered_json section;
    section["rateLimits"] = c.toJson()["rateLimits"];
    out.add(FixArtefact::text(QString::fromLatin1(limitsFile),
                              Text::tr("The gateway's rate limits (the rateLimits section of "
                                       "gateway.json)."),
                              QByteArray::fromStdString(section.dump(2) + "\n")));
    out.runbook.add(
        RunbookPhase::Configure, checks.value(0),
        Text::tr("Enforce the rate limits with the gateway in front of the dashboard"),
        {QStringLiteral("raysec-gateway --check-config %1/gateway.json").arg(in.gatewayDir)},
        Text::tr("gateway/gateway.json already carries these limits; merge "
                 "gateway/rate-limits.json into an existing configuration by hand. The "
                 "check passes only once clients reach Ray through the gateway."));
    return {};
}

} // namespace raysec
