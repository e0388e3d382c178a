#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace raysec {

// One HTTP answer as a probe sees it. status 0 with `error` set means no answer arrived.
struct HttpExchange
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;                              // capped by the transport
    QString error;

    QByteArray header(const QByteArray& lowerName) const;
    bool hasHeaderPrefix(const QByteArray& lowerPrefix) const;
};

// The TLS session the dashboard offered, inspected without sending any request.
struct TlsSnapshot
{
    bool attempted = false; // false for plain-HTTP profiles
    bool connected = false;
    QString protocol;               // "TLSv1.3", "TLSv1.2", ...
    QList<QSslCertificate> chain;   // leaf first
    QStringList verificationErrors; // against the profile's trust and host name
    QString error;                  // connection failure, when not connected
};

// What the probes need from the network: fetch a path on the dashboard (GET or HEAD only, see
// PassiveGuard), open a TCP connection to a port, look at the TLS session. The console's
// implementation is QtProbeTransport; tests may provide others.
class ProbeTransport
{
public:
    virtual ~ProbeTransport() = default;

    virtual QUrl baseUrl() const = 0;
    // withCredentials: send the profile's token; never for the unauthenticated probes.
    virtual HttpExchange fetch(const QByteArray& method, const QString& path,
                               bool withCredentials) = 0;
    virtual bool tcpConnect(const QString& host, quint16 port, int timeoutMs) = 0;
    virtual TlsSnapshot inspectTls() = 0;
};

} // namespace raysec
