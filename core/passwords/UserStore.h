#pragma once

#include "core/common/Error.h"
#include "core/passwords/DashboardUser.h"

#include <QList>

namespace raysec {

class Database;

// The dashboard users in the store (table dashboard_users). Stores hashes only; checking and
// hashing passwords is UserAccounts' job.
class UserStore
{
public:
    explicit UserStore(Database& db);

    Result<void> migrate();
    Result<QList<DashboardUser>> list() const;
    Result<DashboardUser> find(const QString& name) const;
    // Refuses a name that is taken.
    Result<void> insert(const DashboardUser& user);
    Result<void> setPasswordHash(const QString& name, const QString& phc);
    Result<void> setDisabled(const QString& name, bool disabled);
    Result<void> setRole(const QString& name, UserRole role);

private:
    Result<void> update(const QString& name, const QString& assignment, const QVariant& value);

    Database& m_db;
};

} // namespace raysec
