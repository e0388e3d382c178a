#pragma once

#include "core/common/Error.h"

#include <QList>
#include <QStringList>

namespace raysec::tls {

// One Ray node to issue a certificate for. A node list file, entries typed in the wizard or
// the connected cluster's node list all fill this same struct.
struct NodeEntry
{
    QString name;          // certificate CN and bundle folder name
    QString ip;            // the address peers dial
    QStringList hostnames; // further DNS names peers use for this node
    bool isHead = false;

    // Checks the name, the IP and every hostname; the message names the field and the fix.
    Result<void> validate() const;

    // Every name a peer may dial, as SAN entries ("IP:127.0.0.1", "DNS:localhost", the node IP,
    // its hostnames and, on the head, `headNames`), without duplicates.
    QStringList sanEntries(const QStringList& headNames = {}) const;
};

// Checks a list as a whole: at least one node, each valid, names unique, at most one head.
Result<void> validateNodes(const QList<NodeEntry>& nodes);

// Syntax checks shared by the node list, the CLI and the wizard's validators.
bool isValidIpAddress(const QString& text);
bool isValidDnsName(const QString& text);
bool isValidNodeName(const QString& text);
// The canonical text of an IP address ("::1", "10.0.0.1"); empty when it is not one.
QString canonicalIp(const QString& text);

} // namespace raysec::tls
