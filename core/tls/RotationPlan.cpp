#include "core/tls/RotationPlan.h"

#include <QCoreApplication>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::RotationPlan)
};

// Single-quotes a value for a POSIX shell.
QString quoted(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

const NodeEntry* headOf(const QList<NodeEntry>& nodes)
{
    for (const NodeEntry& node : nodes) {
        if (node.isHead) {
            return &node;
        }
    }
    return nodes.isEmpty() ? nullptr : &nodes.first();
}

QString hostFor(const NodeEntry& node)
{
    return node.ip.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(node.ip) : node.ip;
}

} // namespace

RotationPlan RotationPlan::make(const RotationInput& input)
{
    RotationPlan plan;
    plan.m_input = input;
    if (input.kind == RotationKind::RenewLeaves) {
        const QString phase = Text::tr("Renew node certificates under CA %1").arg(input.caName);
        plan.addRenewal(phase, input.caName, input.bundleDir, {});
        plan.addDistribution(
            phase, input.bundleDir,
            Text::tr("Running Ray processes keep the old files in memory, so copying "
                     "is safe while the cluster runs."));
        plan.addRestarts(phase);
        plan.addVerification(phase, input.bundleDir);
        return plan;
    }

    const QString bridge = input.bundleDir + QStringLiteral("-bridge");
    const QString next = input.bundleDir + QStringLiteral("-") + input.newCaName;
    const QString phase1 = Text::tr("Phase 1: trust both CAs");
    plan.m_steps.append(
        {phase1,
         Text::tr("Create the new CA"),
         Text::tr("The new CA's key is stored encrypted, with its passphrase in the keychain."),
         {QStringLiteral("raysec-cli certs ca create %1").arg(quoted(input.newCaName))}});
    plan.addRenewal(phase1, input.caName, bridge, input.newCaName);
    plan.addDistribution(
        phase1, bridge,
        Text::tr("Each node keeps a certificate from the old CA but now trusts both "
                 "roots, so old and new certificates are accepted."));
    plan.addRestarts(phase1);
    const QString phase2 = Text::tr("Phase 2: move the nodes to the new CA");
    plan.addRenewal(phase2, input.newCaName, next, input.caName);
    plan.addDistribution(
        phase2, next,
        Text::tr("Nodes still trust the old root, so restarted and not yet restarted "
                 "nodes keep talking to each other."));
    plan.addRestarts(phase2);
    const QString phase3 = Text::tr("Phase 3: retire the old CA");
    plan.addRenewal(phase3, input.newCaName, input.bundleDir, {});
    plan.addDistribution(
        phase3, input.bundleDir,
        Text::tr("Every node now has a new certificate; ca.crt drops the old root."));
    plan.addRestarts(phase3);
    plan.addVerification(phase3, input.bundleDir);
    return plan;
}

void RotationPlan::addRenewal(const QString& phase, const QString& caName, const QString& bundleDir,
                              const QString& extraTrust)
{
    QString command = QStringLiteral("raysec-cli certs issue --ca %1 --nodes %2 --out %3")
                          .arg(quoted(caName), quoted(m_input.nodeListPath), quoted(bundleDir));
    if (!extraTrust.isEmpty()) {
        command += QStringLiteral(" --trust-ca %1").arg(quoted(extraTrust));
    }
    const QString preflight = QStringLiteral("raysec-cli certs preflight --nodes %1 --bundles %2")
                                  .arg(quoted(m_input.nodeListPath), quoted(bundleDir));
    m_steps.append(
        {phase,
         Text::tr("Issue certificates from CA %1").arg(caName),
         extraTrust.isEmpty()
             ? Text::tr("Every node gets a new key and certificate.")
             : Text::tr("ca.crt in each bundle also carries the root of CA %1.").arg(extraTrust),
         {command}});
    m_steps.append({phase,
                    Text::tr("Check the names before touching the cluster"),
                    Text::tr("The preflight must list no finding."),
                    {preflight}});
}

void RotationPlan::addDistribution(const QString& phase, const QString& bundleDir,
                                   const QString& why)
{
    QStringList commands;
    for (const NodeEntry& node : m_input.nodes) {
        commands.append(QStringLiteral("rsync -a --chmod=D700,F600 %1/ %2@%3:%4/")
                            .arg(quoted(bundleDir + QLatin1Char('/') + node.name), m_input.sshUser,
                                 hostFor(node), quoted(m_input.remoteDir)));
    }
    m_steps.append({phase, Text::tr("Copy the bundles to every node"), why, commands});
}

void RotationPlan::addRestarts(const QString& phase)
{
    const NodeEntry* head = headOf(m_input.nodes);
    const QString env =
        QStringLiteral("set -a && . %1/tls.env && set +a").arg(quoted(m_input.remoteDir));
    QStringList workers;
    for (const NodeEntry& node : m_input.nodes) {
        if (&node != head) {
            workers.append(
                QStringLiteral("ssh %1@%2 \"%3 && ray stop && ray start --address=%4:%5\"")
                    .arg(m_input.sshUser, hostFor(node), env, head ? hostFor(*head) : QString(),
                         QString::number(m_input.gcsPort)));
        }
    }
    m_steps.append(
        {phase, Text::tr("Restart the workers, one at a time"),
         Text::tr("Ray reads certificates only when a process starts. Wait for each node "
                  "to show as ALIVE before the next."),
         workers});
    const QString gcsNote =
        m_input.gcsFaultTolerance
            ? Text::tr("GCS fault tolerance is on: workers reconnect once the head is back, and "
                       "running jobs survive if they tolerate a short GCS outage.")
            : Text::tr(
                  "GCS fault tolerance is off: restarting the head ends running jobs, and worker "
                  "raylets exit once they lose the GCS; run the worker restarts above again "
                  "after the head is up. Plan a maintenance window, or turn on GCS fault "
                  "tolerance (external Redis) first.");
    QStringList headCommand;
    if (head) {
        headCommand.append(
            QStringLiteral("ssh %1@%2 \"%3 && ray stop && ray start --head --port=%4\"")
                .arg(m_input.sshUser, hostFor(*head), env, QString::number(m_input.gcsPort)));
    }
    m_steps.append({phase, Text::tr("Restart the head last"), gcsNote, headCommand});
}

void RotationPlan::addVerification(const QString& phase, const QString& bundleDir)
{
    QStringList commands;
    const NodeEntry* head = headOf(m_input.nodes);
    if (head) {
        const QString local = bundleDir + QLatin1Char('/') + head->name;
        commands.append(QStringLiteral("openssl s_client -connect %1:%2 -cert %3/tls.crt "
                                       "-key %3/tls.key -CAfile %3/ca.crt -verify_return_error "
                                       "-brief </dev/null")
                            .arg(hostFor(*head), QString::number(m_input.gcsPort), quoted(local)));
    }
    commands.append(QStringLiteral("ray status"));
    m_steps.append({phase, Text::tr("Verify"),
                    Text::tr("The handshake must verify, and every node must be ALIVE again."),
                    commands});
}

QString RotationPlan::toMarkdown() const
{
    QString md = Text::tr("# Ray TLS rotation runbook") + QStringLiteral("\n\n");
    md +=
        Text::tr("Nodes: %1. Certificates are read by Ray only at process start; follow the steps "
                 "in order and tick each one.")
            .arg(m_input.nodes.size()) +
        QStringLiteral("\n");
    QString phase;
    for (const RotationStep& step : m_steps) {
        if (step.phase != phase) {
            phase = step.phase;
            md += QStringLiteral("\n## %1\n\n").arg(phase);
        }
        md += QStringLiteral("- [ ] **%1**  \n  %2\n").arg(step.title, step.detail);
        if (!step.commands.isEmpty()) {
            md += QStringLiteral("\n  ```sh\n  %1\n  ```\n\n")
                      .arg(step.commands.join(QStringLiteral("\n  ")));
        }
    }
    return md;
}

} // namespace raysec::tls
