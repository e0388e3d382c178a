#include "core/keys/RayTokenVault.h"

#include "core/keys/RayClusterToken.h"
#include "core/store/ClusterProfile.h"

namespace raysec {

namespace {

QString entry()
{
    return QString::fromLatin1(ClusterProfile::tokenEntry);
}

} // namespace

RayTokenVault::RayTokenVault(Keychain& keychain, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

void RayTokenVault::generate(const QString& profile, bool replace, QObject* context,
                             Keychain::Done done)
{
    const QString service = Keychain::profileService(profile);
    auto store = [this, service, context, done]() {
        m_keychain.write(service, entry(), RayClusterToken::generate(), context, done);
    };
    if (replace) {
        store();
        return;
    }
    m_keychain.read(service, entry(), context,
                    [profile, store, done](Result<SecretBuffer> existing) {
                        if (existing) {
                            done(fail(QStringLiteral("raytoken.exists"),
                                      tr("Profile %1 already has a Ray token.").arg(profile),
                                      tr("Add --replace to rotate it; the cluster must then be "
                                         "restarted with the new token.")));
                            return;
                        }
                        if (existing.error().code != QLatin1String("keychain.not-found")) {
                            done(std::unexpected(existing.error()));
                            return;
                        }
                        store();
                    });
}

void RayTokenVault::load(const QString& profile, QObject* context, Loaded loaded)
{
    m_keychain.read(Keychain::profileService(profile), entry(), context, std::move(loaded));
}

} // namespace raysec
