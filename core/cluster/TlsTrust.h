#pragma once

#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>

#include <optional>

namespace raysec {

class SecretBuffer;

// The TLS settings of one cluster profile, and the decision on the certificate a server
// presents: TLS 1.2 or newer, hostname verification always, and one of three trust modes.
//
// - System CAs: Qt's default chain verification.
// - CA bundle: only the CAs in the profile's file are trusted (the system store is not used).
// - Pinned SPKI: the server's leaf is accepted when the SHA-256 of its SubjectPublicKeyInfo
//   equals the pin, whoever signed it. Pinning replaces the chain of trust only; the
//   certificate must still be within its validity dates and name the host, and TLS 1.2+ still
//   applies. A pin that does not match refuses even a certificate a public CA signed.
class TlsTrust
{
public:
    // Loads the CA bundle and the client certificate and key (decrypted with keyPassphrase when
    // the profile says the key is encrypted). Fails with tls.config for unreadable files.
    static Result<TlsTrust> fromProfile(const ClusterProfile& profile,
                                        const SecretBuffer* keyPassphrase);

    const QSslConfiguration& configuration() const { return m_config; }

    // What to do about the errors Qt found in a handshake with `host` presenting `leaf`:
    // either a list of errors to ignore (a pinned leaf whose only fault is its issuer) or the
    // Error to report.
    struct Verdict
    {
        QList<QSslError> ignore;
        std::optional<Error> error;
    };
    Verdict judge(const QList<QSslError>& errors, const QSslCertificate& leaf,
                  const QString& host) const;
    // For a handshake Qt accepted: in pin mode the leaf must still carry the pinned key.
    std::optional<Error> checkAccepted(const QSslCertificate& leaf) const;

    // base64 SHA-256 of the certificate's SubjectPublicKeyInfo (as `openssl x509 -pubkey |
    // openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`).
    static QString spkiPin(const QSslCertificate& certificate);
    // SHA-256 of the DER certificate, colon-separated upper-case hex.
    static QString fingerprint(const QSslCertificate& certificate);
    static QString subject(const QSslCertificate& certificate);

private:
    QSslConfiguration m_config;
    TrustMode m_mode = TrustMode::SystemCas;
    QString m_pin;
};

} // namespace raysec
