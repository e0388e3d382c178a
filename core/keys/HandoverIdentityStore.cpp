#include "core/keys/HandoverIdentityStore.h"

#include <memory>

namespace raysec {

HandoverIdentityStore::HandoverIdentityStore(Keychain& keychain, QString service, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_service(std::move(service))
{
}

void HandoverIdentityStore::load(QObject* context, Loaded loaded)
{
    const QString entry = QString::fromLatin1(Entry);
    m_keychain.read(
        m_service, entry, context, [this, context, entry, loaded](Result<SecretBuffer> material) {
            if (material) {
                loaded(HandoverIdentity::fromMaterial(*material));
                return;
            }
            if (material.error().code != QLatin1String("keychain.not-found")) {
                loaded(std::unexpected(material.error()));
                return;
            }
            auto created = std::make_shared<HandoverIdentity>(HandoverIdentity::generate());
            m_keychain.write(m_service, entry, created->material(), context,
                             [created, loaded](Result<void> stored) {
                                 if (!stored) {
                                     loaded(std::unexpected(stored.error()));
                                     return;
                                 }
                                 loaded(std::move(*created));
                             });
        });
}

} // namespace raysec
