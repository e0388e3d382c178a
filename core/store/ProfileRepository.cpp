#include "core/store/ProfileRepository.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ProfileRepository)
};

const QStringList migrations = {
    QStringLiteral("CREATE TABLE profiles ("
                   " name TEXT PRIMARY KEY,"
                   " url TEXT NOT NULL,"
                   " trust TEXT NOT NULL,"
                   " ca_bundle TEXT NOT NULL DEFAULT '',"
                   " pin_sha256 TEXT NOT NULL DEFAULT '',"
                   " client_cert TEXT NOT NULL DEFAULT '',"
                   " client_key TEXT NOT NULL DEFAULT '',"
                   " client_key_encrypted INTEGER NOT NULL DEFAULT 0,"
                   " auth TEXT NOT NULL,"
                   " keychain_service TEXT NOT NULL,"
                   " refresh_seconds INTEGER NOT NULL DEFAULT 5,"
                   " created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"),
};

ClusterProfile fromRecord(const QSqlQuery& q)
{
    ClusterProfile p;
    p.name = q.value(QStringLiteral("name")).toString();
    p.dashboardUrl = QUrl(q.value(QStringLiteral("url")).toString());
    p.trust = ClusterProfile::trustFromName(q.value(QStringLiteral("trust")).toString())
                  .value_or(TrustMode::SystemCas);
    p.caBundlePath = q.value(QStringLiteral("ca_bundle")).toString();
    p.pinnedSpkiSha256 = q.value(QStringLiteral("pin_sha256")).toString();
    p.clientCertPath = q.value(QStringLiteral("client_cert")).toString();
    p.clientKeyPath = q.value(QStringLiteral("client_key")).toString();
    p.clientKeyEncrypted = q.value(QStringLiteral("client_key_encrypted")).toBool();
    p.auth = ClusterProfile::authFromName(q.value(QStringLiteral("auth")).toString())
                 .value_or(AuthMode::None);
    p.refreshSeconds = q.value(QStringLiteral("refresh_seconds")).toInt();
    return p;
}

// SQLite binds a null QString as NULL; the columns are NOT NULL text.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

const QString selectColumns =
    QStringLiteral("SELECT name, url, trust, ca_bundle, pin_sha256, client_cert, client_key, "
                   "client_key_encrypted, auth, refresh_seconds FROM profiles");

} // namespace

ProfileRepository::ProfileRepository(Database& db)
    : m_db(db)
{
}

Result<void> ProfileRepository::migrate()
{
    return m_db.migrate(QStringLiteral("profiles"), migrations);
}

Result<QList<ClusterProfile>> ProfileRepository::list() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(selectColumns + QStringLiteral(" ORDER BY name COLLATE NOCASE"))) {
        return std::unexpected(sqlError(Text::tr("list profiles"), q.lastError().text()));
    }
    QList<ClusterProfile> profiles;
    while (q.next()) {
        profiles.append(fromRecord(q));
    }
    return profiles;
}

Result<ClusterProfile> ProfileRepository::find(const QString& name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectColumns + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read a profile"), q.lastError().text()));
    }
    if (!q.next()) {
        return fail(QStringLiteral("profile.not-found"),
                    Text::tr("There is no profile called %1.").arg(name),
                    Text::tr("Run 'raysec-cli profile list' to see the profiles, or add one."));
    }
    return fromRecord(q);
}

Result<void> ProfileRepository::save(const ClusterProfile& profile)
{
    return replace(profile.name, profile);
}

Result<void> ProfileRepository::replace(const QString& oldName, const ClusterProfile& profile)
{
    if (auto ok = profile.validated(); !ok) {
        return ok;
    }

    Transaction tx(m_db);
    if (oldName != profile.name) {
        if (auto ok = m_db.exec(QStringLiteral("DELETE FROM profiles WHERE name = ?"), {oldName});
            !ok) {
            return ok;
        }
    }
    const QVariantList values = {profile.name,
                                 profile.dashboardUrl.toString(),
                                 ClusterProfile::trustName(profile.trust),
                                 text(profile.caBundlePath),
                                 text(profile.pinnedSpkiSha256),
                                 text(profile.clientCertPath),
                                 text(profile.clientKeyPath),
                                 profile.clientKeyEncrypted ? 1 : 0,
                                 ClusterProfile::authName(profile.auth),
                                 profile.keychainService(),
                                 profile.refreshSeconds};
    auto ok = m_db.exec(
        QStringLiteral("INSERT INTO profiles(name, url, trust, ca_bundle, pin_sha256, client_cert,"
                       " client_key, client_key_encrypted, auth, keychain_service, refresh_seconds)"
                       " VALUES(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET"
                       " url=excluded.url, trust=excluded.trust, ca_bundle=excluded.ca_bundle,"
                       " pin_sha256=excluded.pin_sha256, client_cert=excluded.client_cert,"
                       " client_key=excluded.client_key,"
                       " client_key_encrypted=excluded.client_key_encrypted, auth=excluded.auth,"
                       " keychain_service=excluded.keychain_service,"
                       " refresh_seconds=excluded.refresh_seconds"),
        values);
    if (!ok) {
        return ok;
    }
    return tx.commit();
}

Result<void> ProfileRepository::remove(const QString& name)
{
    return m_db.exec(QStringLiteral("DELETE FROM profiles WHERE name = ?"), {name});
}

} // namespace raysec
