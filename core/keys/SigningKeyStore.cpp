#include "core/keys/SigningKeyStore.h"

#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcKeysSigning, "raysec.core.keys.signing")

namespace raysec {

SigningKeyStore::SigningKeyStore(Keychain& keychain, QString service, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_service(std::move(service))
{
}

void SigningKeyStore::load(QObject* context, Loaded loaded)
{
    loadExisting(context, [this, context, loaded](Result<MinisignKeyPair> pair) {
        if (!pair && pair.error().code == QLatin1String("keychain.not-found")) {
            create(context, loaded);
            return;
        }
        loaded(std::move(pair));
    });
}

void SigningKeyStore::loadExisting(QObject* context, Loaded loaded)
{
    m_keychain.read(m_service, QString::fromLatin1(Entry), context,
                    [loaded](Result<SecretBuffer> secret) {
                        if (!secret) {
                            loaded(std::unexpected(secret.error()));
                            return;
                        }
                        loaded(MinisignKeyPair::fromSecretMaterial(*secret));
                    });
}

void SigningKeyStore::replace(const MinisignKeyPair& keyPair, QObject* context, Keychain::Done done)
{
    qCInfo(lcKeysSigning) << "storing signing key" << keyPair.keyIdHex() << "in" << m_service;
    m_keychain.write(m_service, QString::fromLatin1(Entry), keyPair.secretMaterial(), context,
                     std::move(done));
}

void SigningKeyStore::create(QObject* context, Loaded loaded)
{
    auto pair = std::make_shared<MinisignKeyPair>(MinisignKeyPair::generate());
    qCInfo(lcKeysSigning) << "created signing key" << pair->keyIdHex();
    replace(*pair, context, [pair, loaded](Result<void> stored) {
        if (!stored) {
            loaded(std::unexpected(stored.error()));
            return;
        }
        loaded(std::move(*pair));
    });
}

} // namespace raysec
