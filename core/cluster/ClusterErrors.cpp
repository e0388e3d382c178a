#include "core/cluster/ClusterErrors.h"

#include <QCoreApplication>
#include <QLocale>

namespace raysec::ClusterErrors {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ClusterErrors)
};

QString code(const char* text)
{
    return QString::fromLatin1(text);
}

} // namespace

Error malformed(const QString& endpoint, const QString& field, const QString& expected)
{
    return {
        code("response.malformed"),
        Text::tr("The answer to %1 is not what Ray sends: %2 should be %3.")
            .arg(endpoint, field, expected),
        Text::tr("Check that the address points at a Ray dashboard (Ray 2.x) and not at another "
                 "service or a proxy that rewrites answers; nothing was changed.")};
}

Error invalidJson(const QString& endpoint, const QString& detail)
{
    return {code("response.malformed"),
            Text::tr("The answer to %1 is not complete, valid JSON (%2).").arg(endpoint, detail),
            Text::tr("The connection may have been cut, or the address is not a Ray dashboard; "
                     "refresh, and check the address if it persists.")};
}

Error rayReportedFailure(const QString& endpoint, const QString& rayMessage)
{
    return {code("response.ray-error"),
            Text::tr("Ray answered %1 with a failure: %2").arg(endpoint, rayMessage),
            Text::tr("Check the dashboard's logs on the head node; refresh once the cluster is "
                     "healthy.")};
}

Error httpStatus(const QString& endpoint, int status, const QString& bodyExcerpt, bool tokenSent)
{
    switch (status) {
    case 401:
        return {code("http.401"),
                Text::tr("The cluster requires a token and none was sent (401 Unauthorized)."),
                Text::tr("Set the profile's authentication to Ray token and store the cluster's "
                         "token (ray get-auth-token) in it.")};
    case 403:
        return {code("http.403"),
                tokenSent ? Text::tr("The cluster refused the profile's token (403 Forbidden).")
                          : Text::tr("The cluster refused the request (403 Forbidden)."),
                Text::tr("Enter the cluster's current token in the profile; tokens change when the "
                         "cluster is restarted with a new one.")};
    case 405:
        return {code("http.405"),
                Text::tr("The cluster refused the request as browser traffic (405 Method Not "
                         "Allowed)."),
                Text::tr("A proxy between Raysec and Ray adds Origin, Referer or Sec-Fetch headers "
                         "or a browser User-Agent; configure it to pass requests unchanged.")};
    case 404:
        return {
            code("http.404"), Text::tr("The dashboard has no %1 (404 Not Found).").arg(endpoint),
            Text::tr("Check that the address is the Ray dashboard's root and that Ray is 2.x.")};
    case 429:
        return {code("http.429"), Text::tr("The cluster is rate limiting requests (429)."),
                Text::tr("Raise the profile's refresh interval.")};
    default:
        break;
    }
    return {QStringLiteral("http.%1").arg(status),
            Text::tr("The dashboard answered %1 with HTTP status %2: %3")
                .arg(endpoint)
                .arg(status)
                .arg(bodyExcerpt),
            status >= 500 ? Text::tr("The dashboard failed; check its logs on the head node.")
                          : Text::tr("Check the profile's address and Ray version.")};
}

Error unexpectedRedirect(const QString& endpoint, const QString& location)
{
    return {code("http.redirect"),
            Text::tr("The dashboard redirected %1 to %2; Raysec does not follow redirects, so the "
                     "token is never sent elsewhere.")
                .arg(endpoint, location),
            Text::tr("Use the final address in the profile.")};
}

Error tooLarge(const QString& endpoint, qint64 limitBytes)
{
    return {code("response.too-large"),
            Text::tr("The answer to %1 is larger than %2; Raysec stopped reading it.")
                .arg(endpoint, QLocale().formattedDataSize(limitBytes)),
            Text::tr("This is far beyond what Ray sends for a cluster; check that the address is a "
                     "Ray dashboard.")};
}

Error connectionRefused(const QString& host, int port)
{
    return {code("net.refused"),
            Text::tr("%1 refused the connection on port %2.").arg(host).arg(port),
            Text::tr("Check that the dashboard (or the HTTPS proxy in front of it) is running and "
                     "that the profile's port is right.")};
}

Error hostNotFound(const QString& host)
{
    return {code("net.host-not-found"), Text::tr("The host %1 was not found.").arg(host),
            Text::tr("Check the spelling of the address and your DNS.")};
}

Error timeout(const QString& endpoint, int seconds, bool waitingForConnection)
{
    return {code("net.timeout"),
            waitingForConnection
                ? Text::tr("No connection to the dashboard within %1 s (%2).")
                      .arg(seconds)
                      .arg(endpoint)
                : Text::tr("The dashboard did not finish answering %1 within %2 s.")
                      .arg(endpoint)
                      .arg(seconds),
            Text::tr("Check the network path to the cluster, or raise the timeout for a slow or "
                     "very large cluster.")};
}

Error connectionClosed(const QString& host)
{
    return {code("net.closed"), Text::tr("%1 closed the connection before answering.").arg(host),
            Text::tr("Check that the address points at an HTTPS endpoint of the dashboard.")};
}

Error network(const QString& detail)
{
    return {code("net.error"), Text::tr("The request failed: %1.").arg(detail),
            Text::tr("Check the network path to the cluster and try again.")};
}

Error unknownCa(const QString& subject, const QString& fingerprint, const QString& spkiPin)
{
    return {code("tls.unknown-ca"),
            Text::tr("The dashboard's certificate (%1) is not signed by a CA this profile trusts. "
                     "SHA-256 fingerprint: %2; public-key pin: %3.")
                .arg(subject, fingerprint, spkiPin),
            Text::tr("Compare the fingerprint with the one your cluster admin gives you; if it "
                     "matches, add the cluster's CA bundle to the profile or pin this key.")};
}

Error hostnameMismatch(const QString& host, const QStringList& certificateNames)
{
    return {code("tls.hostname-mismatch"),
            Text::tr("The dashboard's certificate is not valid for %1; it names %2.")
                .arg(host, certificateNames.isEmpty() ? Text::tr("no host")
                                                      : certificateNames.join(QLatin1String(", "))),
            Text::tr("Connect with one of the names in the certificate, or reissue the certificate "
                     "with %1 in its subject alternative names.")
                .arg(host)};
}

Error certificateExpired(const QDateTime& expiry)
{
    return {code("tls.expired"),
            Text::tr("The dashboard's certificate expired on %1.")
                .arg(expiry.toUTC().toString(Qt::ISODate)),
            Text::tr("Renew the certificate on the server; Raysec does not accept expired "
                     "certificates, even pinned ones.")};
}

Error certificateNotYetValid(const QDateTime& start)
{
    return {code("tls.not-yet-valid"),
            Text::tr("The dashboard's certificate is only valid from %1.")
                .arg(start.toUTC().toString(Qt::ISODate)),
            Text::tr("Check this computer's clock and the server's certificate dates.")};
}

Error pinMismatch(const QString& expectedPin, const QString& presentedPin,
                  const QString& fingerprint)
{
    return {
        code("tls.pin-mismatch"),
        Text::tr("The dashboard presented a different public key than the pinned one (pinned "
                 "%1, presented %2, certificate fingerprint %3).")
            .arg(expectedPin, presentedPin, fingerprint),
        Text::tr("If the cluster's certificate was replaced on purpose, confirm the new pin with "
                 "its admin and update the profile; otherwise someone may be intercepting the "
                 "connection.")};
}

Error certificateRejected(const QString& detail)
{
    return {code("tls.certificate"),
            Text::tr("The dashboard's certificate was refused: %1.").arg(detail),
            Text::tr("Ask the cluster's admin to fix the certificate.")};
}

Error tlsVersionRefused(const QString& host)
{
    return {code("tls.version"),
            Text::tr("%1 offers only TLS versions older than 1.2, which Raysec refuses.").arg(host),
            Text::tr("Configure the server or proxy for TLS 1.2 or 1.3.")};
}

Error tlsHandshake(const QString& detail)
{
    return {code("tls.handshake"), Text::tr("The TLS handshake failed: %1.").arg(detail),
            Text::tr("Check that the address is an HTTPS endpoint and, if the server requires a "
                     "client certificate, that the profile has the right one.")};
}

Error tlsConfiguration(const QString& what, const QString& detail)
{
    return {code("tls.config"), Text::tr("Cannot use %1: %2.").arg(what, detail),
            Text::tr("Choose a readable PEM file in the profile.")};
}

} // namespace raysec::ClusterErrors
