#include "core/audit/QtProbeTransport.h"

#include "core/cluster/TlsTrust.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::QtProbeTransport)
};

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    default:
        return QStringLiteral("TLSv1.1 or older");
    }
}

// Waits for the reply on this (worker) thread, aborting it on cancel or when the cap is passed.
void waitFor(QNetworkReply* reply, const std::atomic<bool>& cancelled)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > QtProbeTransport::maxBodyBytes) {
            reply->abort();
        }
    });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, reply, [reply, &cancelled] {
        if (cancelled) {
            reply->abort();
        }
    });
    poll.start(100);
    if (!reply->isFinished()) {
        loop.exec();
    }
}

} // namespace

QtProbeTransport::QtProbeTransport(ClusterProfile profile,
                                   std::shared_ptr<const SecretBuffer> token,
                                   const std::atomic<bool>& cancelled, int timeoutMs)
    : m_profile(std::move(profile))
    , m_token(std::move(token))
    , m_cancelled(cancelled)
    , m_timeoutMs(timeoutMs)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    // Client keys protected by a passphrase are not unlocked for the audit yet: such a profile
    // gets a configuration error on every request instead of an unauthenticated handshake.
    auto trust = TlsTrust::fromProfile(m_profile, nullptr);
    if (trust) {
        m_trust = std::make_unique<TlsTrust>(std::move(*trust));
    } else {
        m_trustError = trust.error().message;
    }
}

QtProbeTransport::~QtProbeTransport() = default;

HttpExchange QtProbeTransport::fetch(const QByteArray& method, const QString& path,
                                     bool withCredentials)
{
    QUrl url = m_profile.dashboardUrl;
    url.setPath(QUrl(path).path());
    url.setQuery(QUrl(path).query());
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("raysec/" RAYSEC_VERSION " (audit)"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_timeoutMs);
    if (!m_trust) {
        HttpExchange refused;
        refused.error = m_trustError;
        return refused;
    }
    request.setSslConfiguration(m_trust->configuration());
    if (withCredentials && m_token && !m_token->isEmpty()) {
        // QtNetwork takes headers as QByteArray only; this short-lived copy is the one place the
        // token leaves its SecretBuffer.
        request.setRawHeader("Authorization",
                             QByteArray("Bearer ") +
                                 QByteArray(m_token->data(), qsizetype(m_token->size())));
    }
    QNetworkReply* reply = m_network->sendCustomRequest(request, method);
    const QString host = url.host();
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [this, reply, host](const QList<QSslError>& errors) {
                         const auto verdict = m_trust->judge(
                             errors, reply->sslConfiguration().peerCertificate(), host);
                         if (!verdict.error) {
                             reply->ignoreSslErrors(verdict.ignore);
                         }
                     });
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [this, reply] {
        if (m_trust->checkAccepted(reply->sslConfiguration().peerCertificate())) {
            reply->abort(); // a pinned profile met a certificate without the pinned key
        }
    });
    waitFor(reply, m_cancelled);

    HttpExchange exchange;
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        exchange.headers.append({name.toLower(), value});
    }
    // An aborted reply (cancel, size cap, pin mismatch) is closed and has nothing to read.
    if (reply->isOpen()) {
        exchange.body = reply->readAll().left(maxBodyBytes);
    }
    if (exchange.status == 0) {
        exchange.error = m_cancelled ? Text::tr("cancelled") : reply->errorString();
    }
    reply->deleteLater();
    return exchange;
}

bool QtProbeTransport::tcpConnect(const QString& host, quint16 port, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(host, port);
    // A blocking wait is fine here: this runs on the audit's worker thread and is bounded.
    const bool connected = socket.waitForConnected(timeoutMs);
    socket.abort();
    return connected;
}

TlsSnapshot QtProbeTransport::inspectTls()
{
    TlsSnapshot snapshot;
    if (m_profile.dashboardUrl.scheme() != QLatin1String("https")) {
        return snapshot;
    }
    snapshot.attempted = true;
    if (!m_trust) {
        snapshot.error = m_trustError;
        return snapshot;
    }
    const QUrl url = m_profile.dashboardUrl;
    QSslSocket socket;
    QSslConfiguration config = m_trust->configuration();
    config.setProtocol(QSsl::AnyProtocol); // observe what the server offers; nothing is sent
    socket.setSslConfiguration(config);
    QList<QSslError> seen;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&socket, &seen](const QList<QSslError>& errors) {
                         seen = errors;
                         socket.ignoreSslErrors(); // to read the certificate; nothing is sent
                     });
    socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
    snapshot.connected = socket.waitForEncrypted(m_timeoutMs);
    snapshot.chain = socket.peerCertificateChain();
    snapshot.protocol = protocolName(socket.sessionProtocol());
    if (!snapshot.connected) {
        snapshot.error = socket.errorString();
    }
    if (!snapshot.chain.isEmpty()) {
        const QSslCertificate& leaf = snapshot.chain.first();
        const auto verdict = m_trust->judge(seen, leaf, url.host());
        const auto mismatch = seen.isEmpty() ? m_trust->checkAccepted(leaf) : std::nullopt;
        for (const auto& problem : {verdict.error, mismatch}) {
            if (problem) {
                snapshot.verificationErrors.append(problem->message);
            }
        }
    }
    socket.abort();
    return snapshot;
}

} // namespace raysec
