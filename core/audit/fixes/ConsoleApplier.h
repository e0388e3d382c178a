#pragma once

#include "core/audit/fixes/HardeningOutput.h"
#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <functional>

namespace raysec {

class Database;
class Keychain;
class KeyRegistryApplier;
class SigningKeyStore;

// What the console changed: the profile as it now is and, when the gateway's keys or bundles
// were published, the admin key's id, the files written and which bundles came from what.
struct AppliedChanges
{
    ClusterProfile profile;
    QString adminKeyId;
    QStringList files;
    QString bundleSummary;
};

// Applies the changes the console can make itself, in order: the new Ray token into the
// profile's keychain entry, the profile switched to Ray token auth (saved in the store), the
// default quota policy saved in the store, an admin API key with the signed key registry
// published into the written gateway folder, and the gateway's policy bundle (Raysec's
// recommended job policy and the quota policies now in the store) and user store signed with
// the same key beside it. Asynchronous (the keychain is); the callback gets what changed, or
// the first failure. A failed step stops the later ones.
class ConsoleApplier : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<AppliedChanges>)>;

    ConsoleApplier(Keychain& keychain, Database& store, QObject* parent = nullptr);
    ~ConsoleApplier() override;

    // `token` is needed for StoreRayToken, `quotas` for SaveQuotaPolicy and `folder` (where the
    // files were written) for PublishKeyRegistry and PublishGatewayBundles.
    void apply(const ClusterProfile& profile, const QList<ConsoleChange>& changes,
               const SecretBuffer& token, const std::optional<QuotaConfig>& quotas,
               const QString& folder, Done done);

private:
    Result<ClusterProfile> applyStore(ClusterProfile profile, const QList<ConsoleChange>& changes,
                                      const std::optional<QuotaConfig>& quotas);
    void finish(Result<ClusterProfile> profile, const QList<ConsoleChange>& changes,
                const QString& folder, const Done& done);
    void publishBundles(AppliedChanges applied, const QList<ConsoleChange>& changes,
                        const QString& folder, const Done& done);

    KeyRegistryApplier* m_keys = nullptr;
    SigningKeyStore* m_signing = nullptr;

    Keychain& m_keychain;
    Database& m_store;
};

} // namespace raysec
