#pragma once

#include "core/tls/NodeEntry.h"

#include <QList>
#include <QStringList>

namespace raysec::tls {

// What a rotation does: renew the node certificates under the same CA, or move to a new CA
// through a period in which every node trusts both roots.
enum class RotationKind
{
    RenewLeaves,
    NewCa
};

struct RotationInput
{
    RotationKind kind = RotationKind::RenewLeaves;
    QList<NodeEntry> nodes;
    QString caName;    // the CA in use
    QString newCaName; // NewCa only
    QString nodeListPath = QStringLiteral("nodes.txt");
    QString bundleDir = QStringLiteral("bundles"); // where raysec-cli writes bundles locally
    QString remoteDir = QStringLiteral("/etc/ray/tls");
    QString sshUser = QStringLiteral("ray");
    int gcsPort = 6379;
    bool gcsFaultTolerance = false;
};

// One step of the runbook: what to do, why, and the exact commands.
struct RotationStep
{
    QString phase;
    QString title;
    QString detail;
    QStringList commands;
};

// The ordered steps of a certificate rotation: issue, check, distribute, restart the workers,
// restart the head (Ray reads its certificates only at start), verify. Shown as a checklist and
// exported as a Markdown runbook.
class RotationPlan
{
public:
    static RotationPlan make(const RotationInput& input);

    const RotationInput& input() const { return m_input; }
    const QList<RotationStep>& steps() const { return m_steps; }
    QString toMarkdown() const;

private:
    void addRenewal(const QString& phase, const QString& caName, const QString& bundleDir,
                    const QString& extraTrust);
    void addDistribution(const QString& phase, const QString& bundleDir, const QString& why);
    void addRestarts(const QString& phase);
    void addVerification(const QString& phase, const QString& bundleDir);

    RotationInput m_input;
    QList<RotationStep> m_steps;
};

} // namespace raysec::tls
