#pragma once

#include "core/common/Error.h"
#include "core/keys/MinisignKeyPair.h"
#include "core/store/Keychain.h"

#include <QObject>

#include <functional>

namespace raysec {

// Keeps the workstation's minisign signing key in the OS keychain: load() creates the pair on
// first use and stores its secret half there; replace() installs a pair restored from a backup.
// Only the public half (MinisignKeyPair::publicKeyFile) ever leaves the workstation.
class SigningKeyStore : public QObject
{
    Q_OBJECT

public:
    using Loaded = std::function<void(Result<MinisignKeyPair>)>;

    static constexpr const char* DefaultService = "raysec/signing";
    static constexpr const char* Entry = "registry-signing-key";

    explicit SigningKeyStore(Keychain& keychain,
                             QString service = QString::fromLatin1(DefaultService),
                             QObject* parent = nullptr);

    QString service() const { return m_service; }

    // Reads the pair from the keychain, creating and storing a new one when none exists.
    void load(QObject* context, Loaded loaded);
    // Reads the pair without creating one; a missing key is "keychain.not-found".
    void loadExisting(QObject* context, Loaded loaded);
    void replace(const MinisignKeyPair& keyPair, QObject* context, Keychain::Done done);

private:
    void create(QObject* context, Loaded loaded);

    Keychain& m_keychain;
    QString m_service;
};

} // namespace raysec
