#include "core/audit/QtProbeTransport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace raysec {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("raysec::QtProbeTransport", text);
}

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
}

QtProbeTransport::~QtProbeTransport() = default;

QSslConfiguration QtProbeTransport::sslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (m_profile.trust == TrustMode::CaBundle) {
        config.setCaCertificates(QSslCertificate::fromPath(m_profile.caBundlePath));
    }
    return config;
}

bool QtProbeTransport::pinMatches(const QSslCertificate& leaf) const
{
    const QByteArray spki = leaf.publicKey().toDer();
    const QByteArray pin = QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64();
    return m_profile.trust == TrustMode::PinnedSpki && !spki.isEmpty() &&
           pin == m_profile.pinnedSpkiSha256.toLatin1();
}

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
    request.setSslConfiguration(sslConfiguration());
    if (withCredentials && m_token && !m_token->isEmpty()) {
        // QtNetwork takes headers as QByteArray only; this short-lived copy is the one place the
        // token leaves its SecretBuffer.
        request.setRawHeader("Authorization",
                             QByteArray("Bearer ") +
                                 QByteArray(m_token->data(), qsizetype(m_token->size())));
    }
    QNetworkReply* reply = m_network->sendCustomRequest(request, method);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const auto& errors) {
        if (!errors.isEmpty() && pinMatches(errors.first().certificate())) {
            reply->ignoreSslErrors();
        }
    });
    waitFor(reply, m_cancelled);

    HttpExchange exchange;
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        exchange.headers.append({name.toLower(), value});
    }
    exchange.body = reply->readAll().left(maxBodyBytes);
    if (exchange.status == 0) {
        exchange.error = m_cancelled ? tr("cancelled") : reply->errorString();
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
    QSslSocket socket;
    QSslConfiguration config = sslConfiguration();
    config.setProtocol(QSsl::AnyProtocol); // observe what the server offers; nothing is sent
    socket.setSslConfiguration(config);
    QObject::connect(
        &socket, &QSslSocket::sslErrors, &socket, [&socket, &snapshot](const auto& errors) {
            for (const QSslError& e : errors) {
                snapshot.verificationErrors.append(e.errorString());
            }
            socket.ignoreSslErrors(); // to read the certificate; the connection is closed unused
        });
    const QUrl url = m_profile.dashboardUrl;
    socket.connectToHostEncrypted(url.host(), quint16(url.port(443)));
    snapshot.connected = socket.waitForEncrypted(m_timeoutMs);
    snapshot.chain = socket.peerCertificateChain();
    snapshot.protocol = protocolName(socket.sessionProtocol());
    if (!snapshot.connected) {
        snapshot.error = socket.errorString();
    }
    if (!snapshot.chain.isEmpty() && pinMatches(snapshot.chain.first())) {
        snapshot.verificationErrors.clear();
    }
    socket.abort();
    return snapshot;
}

} // namespace raysec
