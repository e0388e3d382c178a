#pragma once

#include "core/common/Error.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace raysec {

// How the console decides to trust a cluster's TLS certificate.
enum class TrustMode
{
    SystemCas,
    CaBundle,
    PinnedSpki
};
// How the console authenticates to the dashboard.
enum class AuthMode
{
    None,
    RayToken,
    GatewayApiKey
};

// One cluster the console connects to. Secrets are not here: a profile names the keychain
// entries (keychainService() plus the entry keys below) that hold its token and key passphrase.
struct ClusterProfile
{
    QString name;
    QUrl dashboardUrl;
    TrustMode trust = TrustMode::SystemCas;
    QString caBundlePath;
    QString pinnedSpkiSha256; // base64 of the SHA-256 of the SubjectPublicKeyInfo
    QString clientCertPath;
    QString clientKeyPath;
    bool clientKeyEncrypted = false;
    AuthMode auth = AuthMode::None;
    int refreshSeconds = 5;

    static constexpr const char* tokenEntry = "token";
    static constexpr const char* keyPassphraseEntry = "client-key-passphrase";

    QString keychainService() const;
    // True when the URL is plain http, which is only accepted towards loopback.
    bool isPlainHttp() const;
    bool isLoopback() const;

    // One problem with one field, phrased for the person filling the form.
    struct FieldError
    {
        QString field;
        QString message;
    };
    QList<FieldError> validate() const;
    Result<void> validated() const;

    static QString trustName(TrustMode mode);
    static std::optional<TrustMode> trustFromName(const QString& name);
    static QString authName(AuthMode mode);
    static std::optional<AuthMode> authFromName(const QString& name);
};

} // namespace raysec

Q_DECLARE_METATYPE(raysec::ClusterProfile)
