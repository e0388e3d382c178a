#pragma once

#include "core/common/Error.h"
#include "core/tls/Certificate.h"
#include "core/tls/NodeEntry.h"

#include <QMap>

namespace raysec::tls {

// One problem the preflight found before Ray would.
struct PreflightFinding
{
    enum class Kind
    {
        MissingSan,
        NoCertificate,
        Expired,
        NotYetValid
    };
    Kind kind;
    QString node;
    QString address; // the dialed address not covered (MissingSan only)
    QString message; // translated, names the node, the address and the fix

    static QString kindName(Kind kind);
};

// Lists every address a peer will dial that a node's certificate does not cover, so the gap is
// found before Ray fails with "Peer name X is not in peer certificate".
class SanPreflight
{
public:
    // Addresses peers dial for a node: 127.0.0.1, localhost, its IP, its hostnames and, on the
    // head, the names clients use.
    static QStringList dialedAddresses(const NodeEntry& node, const QStringList& headNames);
    // True when one of the certificate's SANs matches (IP exactly; DNS without case, with a
    // leading "*." wildcard covering one label).
    static bool covers(const QStringList& subjectAltNames, const QString& address);

    static QList<PreflightFinding> check(const QList<NodeEntry>& nodes,
                                         const QMap<QString, Certificate>& certificateByNode,
                                         const QStringList& headNames,
                                         const QDateTime& now = QDateTime::currentDateTimeUtc());

    // Reads <dir>/<node>/tls.crt for every node; nodes without a readable file are left out.
    static QMap<QString, Certificate> loadBundles(const QString& dir,
                                                  const QList<NodeEntry>& nodes);
};

} // namespace raysec::tls
