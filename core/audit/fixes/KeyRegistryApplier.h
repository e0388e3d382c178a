#pragma once

#include "core/common/Error.h"

#include <QObject>

#include <functional>
#include <memory>

namespace raysec {

class Database;
class KeyManager;
class Keychain;
class RegistryPublisher;
class SigningKeyStore;

// The gateway's API keys, made by the console: issues an admin key (scope admin, 90 days) in
// the key registry, writes its secret owner-only into the folder the person chose, and
// publishes the signed registry and the signing public key next to gateway.json.
class KeyRegistryApplier : public QObject
{
    Q_OBJECT

public:
    static constexpr auto secretFileName = "admin-api-key";

    struct Published
    {
        QString keyId;
        QStringList files;
    };
    using Done = std::function<void(Result<Published>)>;

    KeyRegistryApplier(Keychain& keychain, Database& store, QObject* parent = nullptr);
    ~KeyRegistryApplier() override;

    // `folder` is the gateway folder inside the written artefact folder.
    void publish(const QString& folder, Done done);

private:
    std::unique_ptr<KeyManager> m_keys;
    SigningKeyStore* m_signing = nullptr;
    RegistryPublisher* m_publisher = nullptr;
};

} // namespace raysec
