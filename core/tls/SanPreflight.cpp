#include "core/tls/SanPreflight.h"

#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QDir>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::SanPreflight)
};

bool dnsMatches(const QString& pattern, const QString& host)
{
    if (pattern.compare(host, Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (!pattern.startsWith(QLatin1String("*."))) {
        return false;
    }
    const qsizetype dot = host.indexOf(QLatin1Char('.'));
    return dot > 0 && host.mid(dot).compare(pattern.mid(1), Qt::CaseInsensitive) == 0;
}

void appendUnique(QStringList& list, const QString& value)
{
    if (!list.contains(value, Qt::CaseInsensitive)) {
        list.append(value);
    }
}

} // namespace

QString PreflightFinding::kindName(Kind kind)
{
    switch (kind) {
    case Kind::MissingSan:
        return QStringLiteral("missing-san");
    case Kind::NoCertificate:
        return QStringLiteral("no-certificate");
    case Kind::Expired:
        return QStringLiteral("expired");
    case Kind::NotYetValid:
        return QStringLiteral("not-yet-valid");
    }
    return {};
}

QStringList SanPreflight::dialedAddresses(const NodeEntry& node, const QStringList& headNames)
{
    QStringList addresses{QStringLiteral("127.0.0.1"), QStringLiteral("localhost")};
    appendUnique(addresses, canonicalIp(node.ip).isEmpty() ? node.ip : canonicalIp(node.ip));
    for (const QString& host : node.hostnames) {
        appendUnique(addresses, host);
    }
    if (node.isHead) {
        for (const QString& host : headNames) {
            appendUnique(addresses, host);
        }
    }
    return addresses;
}

bool SanPreflight::covers(const QStringList& subjectAltNames, const QString& address)
{
    const QString ip = canonicalIp(address);
    for (const QString& san : subjectAltNames) {
        if (!ip.isEmpty() && san.startsWith(QLatin1String("IP:"))) {
            if (canonicalIp(san.mid(3)) == ip) {
                return true;
            }
        } else if (ip.isEmpty() && san.startsWith(QLatin1String("DNS:"))) {
            if (dnsMatches(san.mid(4), address)) {
                return true;
            }
        }
    }
    return false;
}

QList<PreflightFinding> SanPreflight::check(const QList<NodeEntry>& nodes,
                                            const QMap<QString, Certificate>& certificateByNode,
                                            const QStringList& headNames, const QDateTime& now)
{
    using Kind = PreflightFinding::Kind;
    QList<PreflightFinding> findings;
    for (const NodeEntry& node : nodes) {
        const auto found = certificateByNode.constFind(node.name);
        if (found == certificateByNode.constEnd()) {
            findings.append({Kind::NoCertificate,
                             node.name,
                             {},
                             Text::tr("Node %1 has no certificate.").arg(node.name)});
            continue;
        }
        const Certificate& cert = *found;
        if (cert.notAfter() <= now) {
            findings.append({Kind::Expired,
                             node.name,
                             {},
                             Text::tr("The certificate of node %1 expired on %2; renew it.")
                                 .arg(node.name, cert.notAfter().toString(Qt::ISODate))});
        } else if (cert.notBefore() > now) {
            findings.append({Kind::NotYetValid,
                             node.name,
                             {},
                             Text::tr("The certificate of node %1 is valid only from %2; check the "
                                      "clocks.")
                                 .arg(node.name, cert.notBefore().toString(Qt::ISODate))});
        }
        const QStringList sans = cert.subjectAltNames();
        for (const QString& address : dialedAddresses(node, headNames)) {
            if (!covers(sans, address)) {
                findings.append(
                    {Kind::MissingSan, node.name, address,
                     Text::tr("The certificate of node %1 does not cover %2: Ray would fail with "
                              "\"Peer name %2 is not in peer certificate\". Reissue it with %2 "
                              "among its names.")
                         .arg(node.name, address)});
            }
        }
    }
    return findings;
}

QMap<QString, Certificate> SanPreflight::loadBundles(const QString& dir,
                                                     const QList<NodeEntry>& nodes)
{
    QMap<QString, Certificate> result;
    const QDir root(dir);
    for (const NodeEntry& node : nodes) {
        auto pem = SafeFile::read(root.filePath(node.name + QStringLiteral("/tls.crt")));
        if (!pem) {
            continue;
        }
        auto cert = Certificate::fromPem({pem->constData(), std::size_t(pem->size())});
        if (cert) {
            result.insert(node.name, *cert);
        }
    }
    return result;
}

} // namespace raysec::tls
