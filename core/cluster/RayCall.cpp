#include "core/cluster/RayCall.h"

#include "core/cluster/ClusterErrors.h"
#include "core/cluster/TlsTrust.h"

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSslConfiguration>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcRayCall, "raysec.core.cluster")

namespace raysec {

namespace {

// simdjson reads up to 64 bytes past the end of a document; leaving that much spare capacity
// lets the parsers use the body in place.
constexpr qsizetype parserPadding = 64;
constexpr qsizetype excerptLength = 200;

} // namespace

RayCall::RayCall(QNetworkReply* reply, Setup setup, QObject* parent)
    : QObject(parent)
    , m_reply(reply)
    , m_setup(std::move(setup))
{
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &RayCall::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &RayCall::onReadyRead);
    connect(m_reply, &QNetworkReply::sslErrors, this, &RayCall::onSslErrors);
    connect(m_reply, &QNetworkReply::encrypted, this, &RayCall::onEncrypted);
    connect(m_reply, &QNetworkReply::finished, this, &RayCall::onFinished);

    m_connectTimer.setSingleShot(true);
    m_totalTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        abortWith(
            ClusterErrors::timeout(m_setup.endpoint, m_setup.limits.connectTimeoutMs / 1000, true));
    });
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        abortWith(
            ClusterErrors::timeout(m_setup.endpoint, m_setup.limits.totalTimeoutMs / 1000, false));
    });
    m_connectTimer.start(m_setup.limits.connectTimeoutMs);
    m_totalTimer.start(m_setup.limits.totalTimeoutMs);
}

RayCall::~RayCall()
{
    releaseSecrets();
}

void RayCall::cancel()
{
    m_cancelled = true;
    m_connectTimer.stop();
    m_totalTimer.stop();
    if (m_reply->isRunning()) {
        m_reply->abort(); // emits finished, which deletes this call
    }
}

void RayCall::onMetaDataChanged()
{
    m_connectTimer.stop();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_setup.limits.maxResponseBytes) {
        abortWith(ClusterErrors::tooLarge(m_setup.endpoint, m_setup.limits.maxResponseBytes));
    }
}

void RayCall::onReadyRead()
{
    if (m_abortReason || m_cancelled) {
        return;
    }
    const qint64 available = m_reply->bytesAvailable();
    // Counted after decompression, so a small gzip bomb is stopped as well.
    if (m_body.size() + available > m_setup.limits.maxResponseBytes) {
        abortWith(ClusterErrors::tooLarge(m_setup.endpoint, m_setup.limits.maxResponseBytes));
        return;
    }
    m_body.append(m_reply->read(available));
}

void RayCall::onSslErrors(const QList<QSslError>& errors)
{
    const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    const TlsTrust::Verdict verdict = m_setup.trust->judge(errors, leaf, m_setup.host);
    if (verdict.error) {
        m_tlsError = verdict.error;
        qCInfo(lcRayCall) << "certificate refused for" << m_setup.host << verdict.error->code;
        if (verdict.error->code == QLatin1String("tls.unknown-ca")) {
            Q_EMIT certificateUntrusted(TlsTrust::subject(leaf), TlsTrust::fingerprint(leaf),
                                        TlsTrust::spkiPin(leaf));
        }
        return;
    }
    m_reply->ignoreSslErrors(verdict.ignore);
}

void RayCall::onEncrypted()
{
    m_connectTimer.stop();
    const QSslCertificate leaf = m_reply->sslConfiguration().peerCertificate();
    if (auto mismatch = m_setup.trust->checkAccepted(leaf)) {
        abortWith(*mismatch);
    }
}

void RayCall::abortWith(Error error)
{
    if (m_abortReason || m_cancelled) {
        return;
    }
    m_abortReason = std::move(error);
    m_reply->abort();
}

void RayCall::onFinished()
{
    m_connectTimer.stop();
    m_totalTimer.stop();
    releaseSecrets();
    if (!m_cancelled && m_setup.context) {
        Result<QByteArray> result = outcome();
        if (!result) {
            qCInfo(lcRayCall) << "GET" << m_setup.endpoint << "failed:" << result.error().code;
        }
        m_setup.done(std::move(result));
    }
    deleteLater();
}

Result<QByteArray> RayCall::outcome()
{
    if (m_abortReason) {
        return std::unexpected(*m_abortReason);
    }
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        return std::unexpected(transportError());
    }
    const int code = status.toInt();
    if (code < 200 || code > 299) {
        return std::unexpected(httpError(code));
    }
    onReadyRead(); // whatever arrived with the finish
    if (m_abortReason) {
        return std::unexpected(*m_abortReason);
    }
    m_body.reserve(m_body.size() + parserPadding);
    return std::move(m_body);
}

Error RayCall::transportError()
{
    if (m_tlsError) {
        return *m_tlsError;
    }
    const QString detail = m_reply->errorString();
    switch (m_reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return ClusterErrors::connectionRefused(m_setup.host, m_setup.port);
    case QNetworkReply::HostNotFoundError:
        return ClusterErrors::hostNotFound(m_setup.host);
    case QNetworkReply::TimeoutError:
        return ClusterErrors::timeout(m_setup.endpoint, m_setup.limits.totalTimeoutMs / 1000,
                                      false);
    case QNetworkReply::RemoteHostClosedError:
        return ClusterErrors::connectionClosed(m_setup.host);
    case QNetworkReply::SslHandshakeFailedError:
        // OpenSSL's words for a peer that only speaks TLS 1.0/1.1.
        if (detail.contains(QLatin1String("protocol version"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("unsupported protocol"), Qt::CaseInsensitive) ||
            detail.contains(QLatin1String("version too low"), Qt::CaseInsensitive)) {
            return ClusterErrors::tlsVersionRefused(m_setup.host);
        }
        return ClusterErrors::tlsHandshake(detail);
    default:
        return ClusterErrors::network(detail);
    }
}

Error RayCall::httpError(int status)
{
    if (status >= 300 && status <= 399) {
        return ClusterErrors::unexpectedRedirect(
            m_setup.endpoint, m_reply->header(QNetworkRequest::LocationHeader).toString());
    }
    onReadyRead();
    const QByteArray excerpt = m_body.left(excerptLength);
    return ClusterErrors::httpStatus(m_setup.endpoint, status, QString::fromUtf8(excerpt).trimmed(),
                                     m_setup.tokenSent);
}

void RayCall::releaseSecrets()
{
    // QNetworkRequest shares this buffer; wiping it in place clears the request's copy too.
    QByteArray& value = m_setup.authorizationValue;
    if (!value.isEmpty()) {
        sodium_memzero(const_cast<char*>(value.constData()), std::size_t(value.size()));
        value.clear();
    }
}

} // namespace raysec
