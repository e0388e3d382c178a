#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace raysec {

class KeyManager;
class SigningKeyStore;

// Exports what the gateway needs into a folder: registry.json (no secrets), its minisign
// signature registry.json.minisig, and the signing public key raysec-registry.pub. The signing
// key comes from the keychain (created on first use); the export is recorded in the audit trail.
class RegistryPublisher : public QObject
{
    Q_OBJECT

public:
    struct Published
    {
        QString bundlePath;
        QString signaturePath;
        QString publicKeyPath;
        QString signingKeyId;
        std::size_t keys = 0;
    };
    using Done = std::function<void(Result<Published>)>;

    static constexpr const char* PublicKeyFileName = "raysec-registry.pub";

    RegistryPublisher(KeyManager& keys, SigningKeyStore& signing, QObject* parent = nullptr);

    void publish(const QString& folder, const QDateTime& now, QObject* context, Done done);

private:
    KeyManager& m_keys;
    SigningKeyStore& m_signing;
};

} // namespace raysec
