#include "core/passwords/UserAccounts.h"

#include "core/passwords/PasswordHasher.h"
#include "core/passwords/PasswordText.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPasswords, "raysec.core.passwords")

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UserAccounts)
};

Error refused(const PasswordVerdict& result)
{
    QStringList lines;
    for (const RefusalReason& r : result.reasons) {
        lines.append(r.message);
    }
    return Error{QStringLiteral("password.refused"),
                 Text::tr("The password does not meet the policy:") + QLatin1Char('\n') +
                     lines.join(QLatin1Char('\n')),
                 Text::tr("Choose another password; 'raysec-cli passwords generate' makes one that "
                          "fits.")};
}

} // namespace

UserAccounts::UserAccounts(Database& db)
    : m_users(db)
    , m_policies(db)
{
}

Result<void> UserAccounts::migrate()
{
    return m_users.migrate();
}

Result<PasswordChecker> UserAccounts::checker() const
{
    auto policy = m_policies.load();
    if (!policy) {
        return std::unexpected(policy.error());
    }
    auto imported = m_policies.importedBlocklist();
    if (!imported) {
        return std::unexpected(imported.error());
    }
    return PasswordChecker(std::move(*policy), std::move(*imported));
}

Result<QString> UserAccounts::checkedHash(const PasswordChecker& checker, const QString& name,
                                          const SecretBuffer& password)
{
    const PasswordVerdict result = checker.check(password, {name});
    if (!result.accepted()) {
        return std::unexpected(refused(result));
    }
    auto normal = PasswordText::normalized(password);
    if (!normal) {
        return std::unexpected(normal.error());
    }
    return PasswordHasher::hash(*normal, checker.policy().hashing);
}

Result<DashboardUser> UserAccounts::add(const QString& name, UserRole role,
                                        const SecretBuffer& password)
{
    if (auto ok = DashboardUser::validateName(name); !ok) {
        return std::unexpected(ok.error());
    }
    if (m_users.find(name)) {
        return fail(QStringLiteral("users.exists"), Text::tr("A user called %1 exists.").arg(name),
                    Text::tr("Choose another name, or reset that user's password."));
    }
    auto check = checker();
    if (!check) {
        return std::unexpected(check.error());
    }
    auto phc = checkedHash(*check, name, password);
    if (!phc) {
        return std::unexpected(phc.error());
    }
    return addHashed(name, role, *phc);
}

Result<DashboardUser> UserAccounts::addHashed(const QString& name, UserRole role,
                                              const QString& phc)
{
    DashboardUser user;
    user.name = name;
    user.role = role;
    user.passwordHash = phc;
    if (auto ok = m_users.insert(user); !ok) {
        return std::unexpected(ok.error());
    }
    qCInfo(lcPasswords) << "added dashboard user" << name << "with role"
                        << DashboardUser::roleName(role);
    return m_users.find(name);
}

Result<void> UserAccounts::resetPassword(const QString& name, const SecretBuffer& password)
{
    if (auto user = m_users.find(name); !user) {
        return std::unexpected(user.error());
    }
    auto check = checker();
    if (!check) {
        return std::unexpected(check.error());
    }
    auto phc = checkedHash(*check, name, password);
    if (!phc) {
        return std::unexpected(phc.error());
    }
    return resetHashed(name, *phc);
}

Result<void> UserAccounts::resetHashed(const QString& name, const QString& phc)
{
    qCInfo(lcPasswords) << "reset the password of dashboard user" << name;
    return m_users.setPasswordHash(name, phc);
}

Result<void> UserAccounts::setDisabled(const QString& name, bool disabled)
{
    qCInfo(lcPasswords) << (disabled ? "disabling" : "enabling") << "dashboard user" << name;
    return m_users.setDisabled(name, disabled);
}

Result<bool> UserAccounts::verify(const QString& name, const SecretBuffer& password) const
{
    auto user = m_users.find(name);
    if (!user) {
        return std::unexpected(user.error());
    }
    auto normal = PasswordText::normalized(password);
    if (!normal) {
        return false;
    }
    return !user->disabled && PasswordHasher::verify(user->passwordHash, *normal);
}

} // namespace raysec
