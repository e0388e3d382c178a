#pragma once

#include "core/audit/fixes/HardeningOutput.h"
#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <functional>

namespace raysec {

class Database;
class Keychain;

// Applies the changes the console can make itself, in order: the new Ray token into the
// profile's keychain entry, the profile switched to Ray token auth (saved in the store), and
// the default quota policy saved in the store. Asynchronous (the keychain is); the callback
// gets the profile as it now is, or the first failure. A failed step stops the later ones.
class ConsoleApplier : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<ClusterProfile>)>;

    ConsoleApplier(Keychain& keychain, Database& store, QObject* parent = nullptr);

    // `token` is needed for StoreRayToken; `quotas` for SaveQuotaPolicy.
    void apply(const ClusterProfile& profile, const QList<ConsoleChange>& changes,
               const SecretBuffer& token, const std::optional<QuotaConfig>& quotas, Done done);

private:
    Result<ClusterProfile> applyStore(ClusterProfile profile, const QList<ConsoleChange>& changes,
                                      const std::optional<QuotaConfig>& quotas);

    Keychain& m_keychain;
    Database& m_store;
};

} // namespace raysec
