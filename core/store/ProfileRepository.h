#pragma once

#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QList>

namespace raysec {

class Database;

// Cluster profiles in the store. Holds no secrets: only the non-secret fields and the name of
// the keychain service that keeps the profile's token and key passphrase.
class ProfileRepository
{
public:
    explicit ProfileRepository(Database& db);

    Result<void> migrate();
    Result<QList<ClusterProfile>> list() const;
    Result<ClusterProfile> find(const QString& name) const;
    // Inserts or replaces the profile called `profile.name`; refuses an invalid profile.
    Result<void> save(const ClusterProfile& profile);
    // Renames (when `oldName` differs) and saves in one transaction.
    Result<void> replace(const QString& oldName, const ClusterProfile& profile);
    Result<void> remove(const QString& name);

private:
    Database& m_db;
};

} // namespace raysec
