#include "core/audit/fixes/RayStartFiles.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayStartFiles)
};

QString envLines(const HardeningInputs& in, bool withToken, bool withTls)
{
    QString lines = QStringLiteral("set -a\n");
    if (withToken) {
        lines += QStringLiteral(". /etc/ray/ray-auth.env\n");
    }
    if (withTls) {
        lines += QStringLiteral(". %1/tls.env\n").arg(in.tlsDir);
    }
    return lines + QStringLiteral("set +a\n");
}

QByteArray script(const QString& purpose, const QString& env, const QString& command)
{
    return QStringLiteral("#!/bin/sh\n# %1\nset -eu\n%2exec %3\n")
        .arg(purpose, env, command)
        .toUtf8();
}

QByteArray kubePatch(const HardeningInputs& in, bool withToken, bool withTls)
{
    QString env;
    if (withToken) {
        env += QStringLiteral("              - {name: RAY_AUTH_MODE, value: token}\n"
                              "              - {name: RAY_AUTH_TOKEN_PATH, value: "
                              "/etc/ray/auth/auth_token}\n");
    }
    if (withTls) {
        env +=
            QStringLiteral("              - {name: RAY_USE_TLS, value: \"1\"}\n"
                           "              - {name: RAY_TLS_SERVER_CERT, value: "
                           "/etc/ray/tls/tls.crt}\n"
                           "              - {name: RAY_TLS_SERVER_KEY, value: "
                           "/etc/ray/tls/tls.key}\n"
                           "              - {name: RAY_TLS_CA_CERT, value: /etc/ray/tls/ca.crt}\n");
    }
    return QStringLiteral("# Merge into the RayCluster %1 (namespace %2): head and every worker "
                          "group need the same env\n# and the Secrets mounted at /etc/ray/auth "
                          "and /etc/ray/tls.\n"
                          "spec:\n"
                          "  headGroupSpec:\n"
                          "    template:\n"
                          "      spec:\n"
                          "        containers:\n"
                          "          - name: ray-head\n"
                          "            env:\n%3")
        .arg(in.rayClusterName, in.kubeNamespace, env)
        .toUtf8();
}

} // namespace

void RayStartFiles::generate(const HardeningInputs& in, bool withToken, bool withTls,
                             bool behindGateway, HardeningOutput& out)
{
    const QString env = envLines(in, withToken, withTls);
    const QString dashboardHost =
        behindGateway ? QStringLiteral("127.0.0.1") : QStringLiteral("0.0.0.0");
    out.add(FixArtefact::text(
        QString::fromLatin1(headScript),
        Text::tr("Starts the Ray head with the hardened settings."),
        script(Text::tr("Starts the Ray head of %1 with the settings Raysec generated.")
                   .arg(in.profile),
               env,
               QStringLiteral("ray start --head --port=6379 --dashboard-host=%1 --block")
                   .arg(dashboardHost))));
    out.add(FixArtefact::text(
        QString::fromLatin1(workerScript),
        Text::tr("Starts a Ray worker with the hardened settings."),
        script(Text::tr("Starts a Ray worker of %1 with the settings Raysec generated.")
                   .arg(in.profile),
               env, QStringLiteral("ray start --address=%1:6379 --block").arg(in.headAddress))));
    out.add(FixArtefact::text(QString::fromLatin1(kubePatchFile),
                              Text::tr("KubeRay env settings for token auth and TLS."),
                              kubePatch(in, withToken, withTls)));

    out.runbook.add(RunbookPhase::Distribute, {}, Text::tr("Copy the start scripts to the nodes"),
                    {QStringLiteral("scp ray/start-head.sh HEAD:/etc/ray/start-head.sh"),
                     QStringLiteral("scp ray/start-worker.sh NODE:/etc/ray/start-worker.sh")});
    out.runbook.add(RunbookPhase::Stop, {},
                    Text::tr("Stop Ray everywhere: workers first, then the head"),
                    {QStringLiteral("ssh NODE 'ray stop'"), QStringLiteral("ssh HEAD 'ray stop'")},
                    Text::tr("Ray reads the token and the certificates only when it starts; a node "
                             "left running keeps the old settings and can no longer join."));
    out.runbook.add(RunbookPhase::Start, {},
                    Text::tr("Start the head, then every worker, with the new settings"),
                    {QStringLiteral("ssh HEAD 'sh /etc/ray/start-head.sh'"),
                     QStringLiteral("ssh NODE 'sh /etc/ray/start-worker.sh'"),
                     QStringLiteral("kubectl patch raycluster %1 -n %2 --type merge "
                                    "--patch-file kubernetes/raycluster-hardening-patch.yaml")
                         .arg(in.rayClusterName, in.kubeNamespace)},
                    Text::tr("On KubeRay the patch restarts the pods."));
}

} // namespace raysec
