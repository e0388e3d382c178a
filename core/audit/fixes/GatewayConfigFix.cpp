#include "core/audit/fixes/GatewayConfigFix.h"

#include "core/gatewayclient/GatewayConfig.h"
#include "core/passwords/PasswordPolicy.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayConfigFix)
};

QByteArray dump(const nlohmann::ordered_json& json)
{
    return QByteArray::fromStdString(json.dump(2) + "\n");
}

void addSteps(const HardeningInputs& in, const QString& checkId, RunbookBuilder& runbook)
{
    const QString dir = in.gatewayDir;
    runbook.add(
        RunbookPhase::Prepare, checkId,
        Text::tr("Issue an admin API key and export the signed key registry for the gateway"),
        {QStringLiteral("raysec-cli keys issue --owner admin --team ops --scopes admin "
                        "--days 90"),
         QStringLiteral("raysec-cli keys export --out gateway/"),
         QStringLiteral("raysec-cli keys export --public-key gateway/raysec-registry.pub")},
        Text::tr("Skip this step when the console applied its changes: it issued the key, "
                 "wrote its secret to gateway/admin-api-key (readable only by you) and "
                 "published the registry. Otherwise the secret is printed once; keep it in "
                 "your password manager."));
    runbook.add(RunbookPhase::Prepare, checkId,
                Text::tr("Set the dashboard password policy and add the dashboard users"),
                {QStringLiteral("raysec-cli passwords policy set --from "
                                "gateway/password-policy.json"),
                 QStringLiteral("raysec-cli users add admin --role admin < admin-password.txt")});
    runbook.add(
        RunbookPhase::Prepare, checkId,
        Text::tr("Sign the gateway's policy bundle and user store with the registry's key"),
        {QStringLiteral("raysec-cli gateway bundles --out gateway/ --replace")},
        Text::tr("Skip this step when the console applied its changes and no user or quota "
                 "was changed since: it signed gateway/policy.json (Raysec's recommended job "
                 "policy and the quota policies saved in the console) and, when dashboard "
                 "users exist, gateway/users.json. Run it again whenever the users or quotas "
                 "change; add --job-policy FILE for another job policy."));
    runbook.add(RunbookPhase::Distribute, checkId,
                Text::tr("Install the gateway's files on the head, next to the dashboard"),
                {QStringLiteral("scp -r gateway tls/head/tls.crt tls/head/tls.key HEAD:/tmp/"),
                 QStringLiteral("ssh HEAD 'sudo install -d -m 0750 %1 /var/log/raysec-gateway && "
                                "sudo cp /tmp/gateway/* /tmp/tls.crt %1/ && "
                                "sudo install -m 0600 /tmp/tls.key %1/tls.key'")
                     .arg(dir)});
    runbook.add(
        RunbookPhase::Configure, checkId,
        Text::tr("Check the configuration, then keep the dashboard on loopback so that only "
                 "the gateway reaches it"),
        {QStringLiteral("raysec-gateway --check-config %1/gateway.json").arg(dir)},
        Text::tr("The start scripts pass --dashboard-host=127.0.0.1; close port 8265 in the "
                 "firewall."));
    runbook.add(RunbookPhase::Gateway, checkId, Text::tr("Start the gateway"),
                {QStringLiteral("ssh HEAD 'sudo systemctl restart raysec-gateway || sudo "
                                "raysec-gateway --config %1/gateway.json'")
                     .arg(dir)});
    runbook.add(RunbookPhase::Clients, checkId,
                Text::tr("Point the console's profile at the gateway"),
                {QStringLiteral("raysec-cli profile add %1-gateway --url https://%2:8443 "
                                "--ca-bundle tls/ca.crt")
                     .arg(in.profile, in.headAddress)});
}

} // namespace

GatewayConfig GatewayConfigFix::config(const HardeningInputs& in, bool withToken)
{
    const QString dir = in.gatewayDir;
    GatewayConfig c;
    c.listen = QStringLiteral("0.0.0.0:8443");
    c.certificate = dir + QStringLiteral("/tls.crt");
    c.key = dir + QStringLiteral("/tls.key");
    c.upstream = QStringLiteral("127.0.0.1:8265");
    c.upstreamTokenFile = withToken ? in.tokenPath : QString();
    c.publicKey = dir + QStringLiteral("/raysec-registry.pub");
    c.keyRegistry = dir + QStringLiteral("/registry.json");
    c.userStore = dir + QStringLiteral("/users.json");
    c.policy = dir + QStringLiteral("/policy.json");
    c.auditLog = QStringLiteral("/var/log/raysec-gateway/audit.jsonl");
    c.rateLimits = GatewayConfig::defaultRateLimits();
    return c;
}

Result<void> GatewayConfigFix::generate(const HardeningInputs& in, const QStringList& checks,
                                        bool withToken, HardeningOutput& out)
{
    const GatewayConfig c = config(in, withToken);
    if (auto ok = c.validated(); !ok) {
        return ok;
    }
    const PasswordPolicy passwords = PasswordPolicy::forPreset(PolicyPreset::Nist);
    out.add(FixArtefact::text(QString::fromLatin1(configFile),
                              Text::tr("raysec-gateway's configuration: TLS, API keys, login, rate "
                                       "limits."),
                              dump(c.toJson())));
    out.add(FixArtefact::text(QString::fromLatin1(passwordPolicyFile),
                              Text::tr("The dashboard password policy (NIST SP 800-63B preset)."),
                              QByteArray::fromStdString(passwords.toJson().dump(2) + "\n")));
    addSteps(in, checks.value(0), out.runbook);
    out.offer(ConsoleChange::PublishKeyRegistry);
    out.offer(ConsoleChange::PublishGatewayBundles);
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
