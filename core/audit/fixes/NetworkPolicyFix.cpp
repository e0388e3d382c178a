#include "core/audit/fixes/NetworkPolicyFix.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::NetworkPolicyFix)
};

QByteArray nftables(const QString& network, bool v6)
{
    const QString family = v6 ? QStringLiteral("ip6") : QStringLiteral("ip");
    return QStringLiteral(
               "#!/usr/sbin/nft -f\n"
               "# Ray's ports only from the cluster network %1; the gateway's 8443 for "
               "everyone.\n"
               "table inet raysec_ray {\n"
               "  chain input {\n"
               "    type filter hook input priority 0; policy accept;\n"
               "    tcp dport { 6379, 8265, 10001, 52365, 8080, 10002-19999 } %2 saddr %1 "
               "accept\n"
               "    tcp dport { 6379, 8265, 10001, 52365, 8080, 10002-19999 } iifname \"lo\" "
               "accept\n"
               "    tcp dport { 6379, 8265, 10001, 52365, 8080, 10002-19999 } drop\n"
               "  }\n"
               "}\n")
        .arg(network, family)
        .toUtf8();
}

QByteArray kubePolicy(const HardeningInputs& in)
{
    return QStringLiteral("# Ray pods accept traffic only from Ray pods of the same cluster.\n"
                          "apiVersion: networking.k8s.io/v1\n"
                          "kind: NetworkPolicy\n"
                          "metadata:\n"
                          "  name: %1-isolation\n"
                          "  namespace: %2\n"
                          "spec:\n"
                          "  podSelector:\n"
                          "    matchLabels:\n"
                          "      ray.io/cluster: %1\n"
                          "  policyTypes: [Ingress]\n"
                          "  ingress:\n"
                          "    - from:\n"
                          "        - podSelector:\n"
                          "            matchLabels:\n"
                          "              ray.io/cluster: %1\n")
        .arg(in.rayClusterName, in.kubeNamespace)
        .toUtf8();
}

} // namespace

QString NetworkPolicyFix::clusterNetwork(const QString& headAddress)
{
    const QHostAddress address(headAddress);
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        return QHostAddress(address.toIPv6Address()).toString() + QStringLiteral("/64");
    }
    const quint32 v4 = address.toIPv4Address() & 0xffffff00u;
    return QHostAddress(v4).toString() + QStringLiteral("/24");
}

Result<void> NetworkPolicyFix::generate(const HardeningInputs& in, const QStringList& checks,
                                        HardeningOutput& out)
{
    const QString network = clusterNetwork(in.headAddress);
    const bool v6 = QHostAddress(in.headAddress).protocol() == QAbstractSocket::IPv6Protocol;
    out.add(FixArtefact::text(QString::fromLatin1(nftablesFile),
                              Text::tr("nftables rules: Ray's ports only from %1.").arg(network),
                              nftables(network, v6)));
    out.add(FixArtefact::text(QString::fromLatin1(kubeFile),
                              Text::tr("Kubernetes NetworkPolicy isolating the Ray pods."),
                              kubePolicy(in)));
    out.runbook.add(
        RunbookPhase::Configure, checks.value(0),
        Text::tr("Close Ray's ports to everything outside the cluster network"),
        {QStringLiteral("scp network/ray-firewall.nft NODE:/tmp/ && ssh NODE 'sudo "
                        "nft -f /tmp/ray-firewall.nft'"),
         QStringLiteral("kubectl apply -f kubernetes/ray-networkpolicy.yaml")},
        Text::tr("Check that %1 is the cluster's network before loading the rules; make "
                 "them permanent in /etc/nftables.conf.")
            .arg(network));
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
