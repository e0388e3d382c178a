#include "core/audit/fixes/RayTokenFix.h"

#include "core/keys/RayClusterToken.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayTokenFix)
};

QString name(const char* path)
{
    return QString::fromLatin1(path);
}

void addSteps(const HardeningInputs& in, const QString& checkId, RunbookBuilder& runbook)
{
    runbook.add(RunbookPhase::Distribute, checkId,
                Text::tr("Copy the Ray token and its env file to every node (head and workers)"),
                {QStringLiteral("scp ray/auth_token ray/ray-auth.env NODE:/tmp/"),
                 QStringLiteral("ssh NODE 'sudo install -D -m 0600 -o ray /tmp/auth_token %1 && "
                                "sudo install -D -m 0644 /tmp/ray-auth.env /etc/ray/ray-auth.env "
                                "&& rm -f /tmp/auth_token /tmp/ray-auth.env'")
                     .arg(in.tokenPath)},
                Text::tr("Replace NODE with each node's address. The token file must stay readable "
                         "only by the user that runs Ray."));
    runbook.add(RunbookPhase::Distribute, checkId,
                Text::tr("On Kubernetes (KubeRay), create the token Secret instead"),
                {QStringLiteral("kubectl apply -n %1 -f kubernetes/ray-auth-token-secret.yaml")
                     .arg(in.kubeNamespace)});
    runbook.add(
        RunbookPhase::Clients, checkId,
        Text::tr("Give the token to job submitters and Ray clients; they need the same env"),
        {QStringLiteral("export RAY_AUTH_MODE=token RAY_AUTH_TOKEN_PATH=$HOME/.ray/"
                        "auth_token")},
        Text::tr("Send the token file over a channel you trust; never paste it into chat or "
                 "tickets. The console already keeps it in the keychain when you applied it."));
}

} // namespace

Result<void> RayTokenFix::generate(const HardeningInputs& in, const QStringList& checks,
                                   HardeningOutput& out)
{
    SecretBuffer token = RayClusterToken::generate();
    if (auto ok = RayClusterToken::check(token); !ok) {
        return std::unexpected(ok.error());
    }
    auto secret = RayClusterToken::kubernetesSecret(token, QStringLiteral("ray-auth-token"),
                                                    in.kubeNamespace);
    if (!secret) {
        return std::unexpected(secret.error());
    }

    SecretBuffer file = token.clone();
    file.append("\n");
    out.add(FixArtefact::secretFile(name(tokenFile),
                                    Text::tr("The new Ray cluster token (64 hex characters)."),
                                    std::move(file)));
    const std::string env = RayClusterToken::envFile(in.tokenPath);
    out.add(FixArtefact::text(name(envFile),
                              Text::tr("Turns on Ray's token authentication on a node or client."),
                              QByteArray::fromStdString(env)));
    out.add(FixArtefact::secretFile(
        name(secretFile), Text::tr("Kubernetes Secret holding the token for KubeRay pods."),
        std::move(*secret)));

    addSteps(in, checks.value(0), out.runbook);
    out.rayToken = std::move(token);
    out.offer(ConsoleChange::StoreRayToken);
    out.offer(ConsoleChange::UseRayTokenAuth);
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
