#pragma once

#include "core/common/Error.h"
#include "core/tls/CertificateAuthority.h"

#include <QObject>

#include <functional>

namespace raysec {
class Keychain;
}

namespace raysec::tls {

// Keeps CAs on the workstation: <dataDir>/tls/ca/<name>/chain.crt, and the keys as encrypted
// PKCS#8 (signing.key, root.key) under a random passphrase that lives only in the OS keychain.
// No CA key is ever written in plaintext here.
class CaStore
{
public:
    using Saved = std::function<void(Result<void>)>;
    using Loaded = std::function<void(Result<CertificateAuthority>)>;

    // `baseDir` empty: Paths::dataDir()/tls/ca.
    explicit CaStore(Keychain& keychain, QString baseDir = {});

    static bool isValidName(const QString& name);
    static QString keychainService(const QString& name);
    static constexpr const char* passphraseEntry = "key-passphrase";

    QString folder(const QString& name) const;
    bool contains(const QString& name) const;
    QStringList names() const;

    // Stores a new CA. Refuses a name already in use; the passphrase reaches the keychain
    // before any key file is written.
    void save(const QString& name, const CertificateAuthority& ca, QObject* context, Saved done);
    void load(const QString& name, QObject* context, Loaded loaded);
    // The stored chain alone (no keychain access), for trust exports and inspection.
    Result<QList<Certificate>> chain(const QString& name) const;

private:
    Result<void> checkNew(const QString& name) const;
    Result<void> writeFiles(const QString& name, const CertificateAuthority& ca,
                            const SecretBuffer& passphrase) const;
    Result<CertificateAuthority> readFiles(const QString& name,
                                           const SecretBuffer& passphrase) const;

    Keychain& m_keychain;
    QString m_baseDir;
};

} // namespace raysec::tls
