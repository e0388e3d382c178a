#include "core/tls/ClusterNodeSource.h"

#include "core/cluster/RayClient.h"
#include "core/cluster/RayParsers.h"
#include "core/store/Keychain.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace raysec::tls {

namespace {

QString folderName(const NodeInfo& node)
{
    static const QRegularExpression unusable(QStringLiteral("[^A-Za-z0-9._-]"));
    QString name = node.nodeName.isEmpty() ? node.nodeIp : node.nodeName;
    name.replace(unusable, QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1Char('-'))) {
        name.remove(0, 1);
    }
    return name.left(48);
}

void request(RayClient* client, QObject* context, const ClusterNodeSource::Fetched& fetched)
{
    client->getNodes(context, [client, fetched](Result<QByteArray> body) {
        client->deleteLater();
        if (!body) {
            fetched(std::unexpected(body.error()));
            return;
        }
        auto parsed = RayParsers::parseNodes(*body);
        if (!parsed) {
            fetched(std::unexpected(parsed.error()));
            return;
        }
        const QList<NodeEntry> nodes = ClusterNodeSource::fromClusterNodes(parsed->nodes);
        if (auto ok = validateNodes(nodes); !ok) {
            fetched(std::unexpected(ok.error()));
            return;
        }
        fetched(nodes);
    });
}

} // namespace

QList<NodeEntry> ClusterNodeSource::fromClusterNodes(const QList<NodeInfo>& nodes)
{
    QList<NodeEntry> entries;
    QSet<QString> used;
    for (const NodeInfo& info : nodes) {
        if (info.state != QLatin1String("ALIVE")) {
            continue;
        }
        NodeEntry entry{folderName(info), info.nodeIp, {}, info.isHeadNode};
        // Two nodes may share a name (Ray defaults it to the IP); the node id tells them apart.
        if (entry.name.isEmpty() || used.contains(entry.name.toLower())) {
            entry.name += QLatin1Char('-') + info.nodeId.left(8);
        }
        used.insert(entry.name.toLower());
        if (isValidDnsName(info.nodeName)) {
            entry.hostnames.append(info.nodeName.toLower());
        }
        entries.append(entry);
    }
    return entries;
}

void ClusterNodeSource::fetch(const ClusterProfile& profile, Keychain& keychain, QObject* context,
                              Fetched fetched)
{
    auto* client = new RayClient(profile, context);
    if (auto ok = client->configure(); !ok) {
        client->deleteLater();
        fetched(std::unexpected(ok.error()));
        return;
    }
    if (profile.auth != AuthMode::RayToken) {
        request(client, context, fetched);
        return;
    }
    keychain.read(profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                  context, [client, context, fetched](Result<SecretBuffer> token) {
                      if (!token) {
                          client->deleteLater();
                          fetched(std::unexpected(token.error()));
                          return;
                      }
                      client->setToken(std::move(*token));
                      request(client, context, fetched);
                  });
}

} // namespace raysec::tls
