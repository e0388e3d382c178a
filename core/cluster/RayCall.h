#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QNetworkReply;

namespace raysec {

class TlsTrust;

// Limits applied to every request of a RayClient.
struct RayClientLimits
{
    int connectTimeoutMs = 10'000; // until the TLS handshake is done (https) or headers arrive
    int totalTimeoutMs = 60'000;   // until the whole body is read
    qint64 maxResponseBytes = 64 * 1024 * 1024;
};

// One GET in flight. It enforces the limits, judges the server's certificate against the
// profile's trust and turns every outcome into the body or a typed Error, delivered once to
// `done`. Cancelling (or destroying `context`) drops the result without calling `done`.
class RayCall : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<QByteArray>)>;

    struct Setup
    {
        QString endpoint; // the path, for messages
        QString host;
        int port = 0;
        bool tokenSent = false;
        QByteArray authorizationValue; // wiped once the reply is finished
        std::shared_ptr<const TlsTrust> trust;
        RayClientLimits limits;
        QPointer<QObject> context;
        Done done;
    };

    RayCall(QNetworkReply* reply, Setup setup, QObject* parent);
    ~RayCall() override;

    const QString& endpoint() const { return m_setup.endpoint; }
    void cancel();

Q_SIGNALS:
    // The server's certificate is signed by a CA the profile does not trust.
    void certificateUntrusted(const QString& subject, const QString& fingerprint,
                              const QString& spkiPin);

private:
    void onMetaDataChanged();
    void onReadyRead();
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    void onFinished();
    void abortWith(Error error);
    Result<QByteArray> outcome();
    Error transportError();
    Error httpError(int status);
    void releaseSecrets();

    QNetworkReply* m_reply;
    Setup m_setup;
    QByteArray m_body;
    QTimer m_connectTimer;
    QTimer m_totalTimer;
    std::optional<Error> m_abortReason;
    std::optional<Error> m_tlsError;
    bool m_cancelled = false;
};

} // namespace raysec
