#include "core/quotas/ProfileConnector.h"

#include "core/cluster/RayClient.h"
#include "core/store/Keychain.h"

namespace raysec {

namespace {

struct Pending
{
    ClusterProfile profile;
    std::optional<SecretBuffer> token;
    std::optional<SecretBuffer> passphrase;
    ProfileConnector::Opened opened;
};

void finish(const std::shared_ptr<Pending>& p)
{
    auto client = std::make_unique<RayClient>(p->profile);
    auto ok = client->configure(p->passphrase ? &*p->passphrase : nullptr);
    p->passphrase.reset();
    if (!ok) {
        p->opened(std::unexpected(ok.error()));
        return;
    }
    if (p->token) {
        client->setToken(std::move(*p->token));
        p->token.reset();
    }
    p->opened(std::move(client));
}

void readPassphrase(const std::shared_ptr<Pending>& p, Keychain& keychain, QObject* context)
{
    if (p->profile.clientKeyPath.isEmpty() || !p->profile.clientKeyEncrypted) {
        finish(p);
        return;
    }
    keychain.read(p->profile.keychainService(),
                  QString::fromLatin1(ClusterProfile::keyPassphraseEntry), context,
                  [p](Result<SecretBuffer> secret) {
                      if (!secret) {
                          p->opened(std::unexpected(secret.error()));
                          return;
                      }
                      p->passphrase = std::move(*secret);
                      finish(p);
                  });
}

} // namespace

void ProfileConnector::open(const ClusterProfile& profile, Keychain& keychain, QObject* context,
                            Opened opened)
{
    auto p = std::make_shared<Pending>();
    p->profile = profile;
    p->opened = std::move(opened);
    if (profile.auth == AuthMode::None) {
        readPassphrase(p, keychain, context);
        return;
    }
    keychain.read(profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                  context, [p, &keychain, context](Result<SecretBuffer> secret) {
                      if (!secret) {
                          p->opened(std::unexpected(secret.error()));
                          return;
                      }
                      p->token = std::move(*secret);
                      readPassphrase(p, keychain, context);
                  });
}

} // namespace raysec
