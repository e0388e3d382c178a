#include "core/passwords/UserStore.h"

#include "core/passwords/PasswordsSchema.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UserStore)
};

const QString selectColumns = QStringLiteral(
    "SELECT name, role, password_hash, disabled, created, changed FROM dashboard_users");

DashboardUser fromRecord(const QSqlQuery& q)
{
    DashboardUser u;
    u.name = q.value(0).toString();
    u.role = DashboardUser::roleFromName(q.value(1).toString()).value_or(UserRole::Viewer);
    u.passwordHash = q.value(2).toString();
    u.disabled = q.value(3).toBool();
    u.created = QDateTime::fromString(q.value(4).toString(), Qt::ISODate);
    u.changed = QDateTime::fromString(q.value(5).toString(), Qt::ISODate);
    return u;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

Error notFound(const QString& name)
{
    return Error{QStringLiteral("users.not-found"),
                 Text::tr("There is no user called %1.").arg(name),
                 Text::tr("Run 'raysec-cli users list' to see the users.")};
}

} // namespace

UserStore::UserStore(Database& db)
    : m_db(db)
{
}

Result<void> UserStore::migrate()
{
    return PasswordsSchema::migrate(m_db);
}

Result<QList<DashboardUser>> UserStore::list() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(selectColumns + QStringLiteral(" ORDER BY name COLLATE NOCASE"))) {
        return std::unexpected(sqlError(Text::tr("list the users"), q.lastError().text()));
    }
    QList<DashboardUser> users;
    while (q.next()) {
        users.append(fromRecord(q));
    }
    return users;
}

Result<DashboardUser> UserStore::find(const QString& name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectColumns + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read a user"), q.lastError().text()));
    }
    if (!q.next()) {
        return std::unexpected(notFound(name));
    }
    return fromRecord(q);
}

Result<void> UserStore::insert(const DashboardUser& user)
{
    if (auto ok = DashboardUser::validateName(user.name); !ok) {
        return ok;
    }
    if (find(user.name)) {
        return fail(QStringLiteral("users.exists"),
                    Text::tr("A user called %1 exists.").arg(user.name),
                    Text::tr("Choose another name, or reset that user's password."));
    }
    const QString stamp = now();
    return m_db.exec(QStringLiteral("INSERT INTO dashboard_users(name, role, password_hash, "
                                    "disabled, created, changed) VALUES(?,?,?,?,?,?)"),
                     {user.name, DashboardUser::roleName(user.role), user.passwordHash,
                      user.disabled ? 1 : 0, stamp, stamp});
}

Result<void> UserStore::setPasswordHash(const QString& name, const QString& phc)
{
    return update(name, QStringLiteral("password_hash = ?"), phc);
}

Result<void> UserStore::setDisabled(const QString& name, bool disabled)
{
    return update(name, QStringLiteral("disabled = ?"), disabled ? 1 : 0);
}

Result<void> UserStore::setRole(const QString& name, UserRole role)
{
    return update(name, QStringLiteral("role = ?"), DashboardUser::roleName(role));
}

Result<void> UserStore::update(const QString& name, const QString& assignment,
                               const QVariant& value)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE dashboard_users SET ") + assignment +
              QStringLiteral(", changed = ? WHERE name = ?"));
    q.addBindValue(value);
    q.addBindValue(now());
    q.addBindValue(name);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("change a user"), q.lastError().text()));
    }
    if (q.numRowsAffected() == 0) {
        return std::unexpected(notFound(name));
    }
    return {};
}

} // namespace raysec
