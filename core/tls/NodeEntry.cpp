#include "core/tls/NodeEntry.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::NodeEntry)
};

void appendUnique(QStringList& list, const QString& entry)
{
    if (!list.contains(entry, Qt::CaseInsensitive)) {
        list.append(entry);
    }
}

} // namespace

bool isValidIpAddress(const QString& text)
{
    return !canonicalIp(text).isEmpty();
}

QString canonicalIp(const QString& text)
{
    // QHostAddress also takes inet_aton's short forms ("1.2.3", "10.1"), which peers would
    // never dial as written; IPv4 must be a full dotted quad.
    static const QRegularExpression dottedQuad(QStringLiteral("^\\d{1,3}(\\.\\d{1,3}){3}$"));
    QHostAddress address;
    if (!text.contains(QLatin1Char(':')) && !dottedQuad.match(text).hasMatch()) {
        return {};
    }
    if (text.trimmed() != text || !address.setAddress(text) || !address.scopeId().isEmpty()) {
        return {};
    }
    return address.toString();
}

bool isValidDnsName(const QString& text)
{
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (text.isEmpty() || text.size() > 253 || isValidIpAddress(text)) {
        return false;
    }
    const QStringList labels = text.split(QLatin1Char('.'));
    for (const QString& part : labels) {
        if (!label.match(part).hasMatch()) {
            return false;
        }
    }
    return true;
}

bool isValidNodeName(const QString& text)
{
    // The name becomes a folder name, so no separators and no "." or "..".
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$"));
    return pattern.match(text).hasMatch();
}

Result<void> NodeEntry::validate() const
{
    if (!isValidNodeName(name)) {
        return fail(
            QStringLiteral("tls.node-name"),
            Text::tr("\"%1\" is not a usable node name.").arg(name),
            Text::tr("Use 1 to 63 letters, digits, dots, dashes or underscores, starting with "
                     "a letter or digit."));
    }
    if (!isValidIpAddress(ip)) {
        return fail(QStringLiteral("tls.node-ip"),
                    Text::tr("Node %1: \"%2\" is not an IP address.").arg(name, ip),
                    Text::tr("Give the IPv4 or IPv6 address other nodes dial, such as 10.0.0.5."));
    }
    for (const QString& host : hostnames) {
        if (!isValidDnsName(host)) {
            return fail(QStringLiteral("tls.node-hostname"),
                        Text::tr("Node %1: \"%2\" is not a valid DNS name.").arg(name, host),
                        Text::tr("Use labels of letters, digits and dashes separated by dots, such "
                                 "as ray-head.ray.svc.cluster.local."));
        }
    }
    return {};
}

QStringList NodeEntry::sanEntries(const QStringList& headNames) const
{
    QStringList entries{QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost")};
    appendUnique(entries, QStringLiteral("IP:") + canonicalIp(ip));
    for (const QString& host : hostnames) {
        appendUnique(entries, QStringLiteral("DNS:") + host.toLower());
    }
    if (isHead) {
        for (const QString& host : headNames) {
            appendUnique(entries, isValidIpAddress(host) ? QStringLiteral("IP:") + canonicalIp(host)
                                                         : QStringLiteral("DNS:") + host.toLower());
        }
    }
    return entries;
}

Result<void> validateNodes(const QList<NodeEntry>& nodes)
{
    if (nodes.isEmpty()) {
        return fail(QStringLiteral("tls.nodes-empty"), Text::tr("The node list is empty."),
                    Text::tr("Give at least one node: name, IP address and optional hostnames."));
    }
    QSet<QString> names;
    int heads = 0;
    for (const NodeEntry& node : nodes) {
        if (auto ok = node.validate(); !ok) {
            return ok;
        }
        if (names.contains(node.name.toLower())) {
            return fail(QStringLiteral("tls.node-duplicate"),
                        Text::tr("The node name %1 appears twice.").arg(node.name),
                        Text::tr("Give every node its own name; each gets its own bundle folder."));
        }
        names.insert(node.name.toLower());
        heads += node.isHead ? 1 : 0;
    }
    if (heads > 1) {
        return fail(QStringLiteral("tls.node-heads"),
                    Text::tr("%1 nodes are marked as head; a Ray cluster has one.").arg(heads),
                    Text::tr("Mark only the head node."));
    }
    return {};
}

} // namespace raysec::tls
