#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/passwords/DashboardUser.h"
#include "core/passwords/PasswordChecker.h"
#include "core/passwords/PolicyRepository.h"
#include "core/passwords/UserStore.h"

namespace raysec {

class Database;

// The dashboard user actions shared by the console and the CLI: a new or reset password is
// normalised, checked against the stored policy (with the user name as a context word), hashed
// with the policy's Argon2id parameters and only then stored. A refused password changes
// nothing; the error lists every reason.
class UserAccounts
{
public:
    explicit UserAccounts(Database& db);

    Result<void> migrate();
    Result<PasswordChecker> checker() const;

    Result<DashboardUser> add(const QString& name, UserRole role, const SecretBuffer& password);
    Result<void> resetPassword(const QString& name, const SecretBuffer& password);

    // The two halves of add() and resetPassword(), for the console: checking and hashing take
    // about half a second and run on a worker thread (they touch no store), storing runs on the
    // store's thread.
    static Result<QString> checkedHash(const PasswordChecker& checker, const QString& name,
                                       const SecretBuffer& password);
    Result<DashboardUser> addHashed(const QString& name, UserRole role, const QString& phc);
    Result<void> resetHashed(const QString& name, const QString& phc);
    Result<void> setDisabled(const QString& name, bool disabled);
    // True when `password` is the user's and the user is enabled.
    Result<bool> verify(const QString& name, const SecretBuffer& password) const;

    UserStore& users() { return m_users; }
    PolicyRepository& policies() { return m_policies; }

private:
    UserStore m_users;
    PolicyRepository m_policies;
};

} // namespace raysec
