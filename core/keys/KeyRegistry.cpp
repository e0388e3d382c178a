#include "core/keys/KeyRegistry.h"

#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::KeyRegistry)
};

const QStringList migrations = {
    QStringLiteral("CREATE TABLE api_keys ("
                   " id TEXT PRIMARY KEY,"
                   " owner TEXT NOT NULL,"
                   " team TEXT NOT NULL,"
                   " description TEXT NOT NULL DEFAULT '',"
                   " scopes INTEGER NOT NULL,"
                   " created INTEGER NOT NULL,"
                   " not_before INTEGER NOT NULL,"
                   " expires INTEGER,"
                   " rate_tier TEXT NOT NULL,"
                   " status TEXT NOT NULL"
                   "  CHECK (status IN ('active', 'grace', 'expired', 'revoked')),"
                   " status_reason TEXT NOT NULL DEFAULT '',"
                   " grace_until INTEGER,"
                   " secret_hash BLOB NOT NULL CHECK (length(secret_hash) = 32),"
                   " replaces TEXT REFERENCES api_keys(id),"
                   " last_used INTEGER,"
                   " kept_in_keychain INTEGER NOT NULL DEFAULT 0)"),
    QStringLiteral("CREATE INDEX api_keys_team ON api_keys(team)"),
    QStringLiteral("CREATE TABLE key_audit ("
                   " seq INTEGER PRIMARY KEY,"
                   " at INTEGER NOT NULL,"
                   " action TEXT NOT NULL,"
                   " key_id TEXT NOT NULL,"
                   " actor TEXT NOT NULL,"
                   " detail TEXT NOT NULL,"
                   " hash BLOB NOT NULL)"),
};

const QString selectColumns = QStringLiteral(
    "SELECT id, owner, team, description, scopes, created, not_before, expires, rate_tier, "
    "status, status_reason, grace_until, secret_hash, replaces, last_used, kept_in_keychain "
    "FROM api_keys");

QVariant timeValue(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDateTime timeFrom(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

ApiKeyRecord fromQuery(const QSqlQuery& q)
{
    ApiKeyRecord r;
    r.id = q.value(0).toString();
    r.owner = q.value(1).toString();
    r.team = q.value(2).toString();
    r.description = q.value(3).toString();
    r.scopes = q.value(4).toUInt();
    r.created = timeFrom(q.value(5));
    r.notBefore = timeFrom(q.value(6));
    r.expires = timeFrom(q.value(7));
    r.rateTier = q.value(8).toString();
    r.status = ApiKeyRecord::statusFromName(q.value(9).toString()).value_or(KeyStatus::Revoked);
    r.statusReason = q.value(10).toString();
    r.graceUntil = timeFrom(q.value(11));
    const QByteArray hash = q.value(12).toByteArray();
    std::copy_n(hash.constData(), std::min<qsizetype>(hash.size(), 32), r.secretHash.begin());
    r.replaces = q.value(13).toString();
    r.lastUsed = timeFrom(q.value(14));
    r.keptInKeychain = q.value(15).toBool();
    return r;
}

bool matches(const ApiKeyRecord& r, const KeyFilter& filter, const QDateTime& now)
{
    if (filter.status && r.statusAt(now) != *filter.status) {
        return false;
    }
    return !filter.expiresWithin || r.expiresWithin(now, *filter.expiresWithin);
}

} // namespace

KeyRegistry::KeyRegistry(Database& db)
    : m_db(db)
{
}

Result<void> KeyRegistry::migrate()
{
    return m_db.migrate(QStringLiteral("keys"), migrations);
}

Result<void> KeyRegistry::insert(const ApiKeyRecord& r)
{
    return m_db.exec(
        QStringLiteral("INSERT INTO api_keys (id, owner, team, description, scopes, created, "
                       "not_before, expires, rate_tier, status, status_reason, grace_until, "
                       "secret_hash, replaces, last_used, kept_in_keychain) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.id, r.owner, r.team, text(r.description), r.scopes, timeValue(r.created),
         timeValue(r.notBefore), timeValue(r.expires), r.rateTier,
         ApiKeyRecord::statusName(r.status), text(r.statusReason), timeValue(r.graceUntil),
         QByteArray(reinterpret_cast<const char*>(r.secretHash.data()), 32),
         r.replaces.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.replaces),
         timeValue(r.lastUsed), r.keptInKeychain});
}

Result<void> KeyRegistry::updateStatus(const ApiKeyRecord& r)
{
    return m_db.exec(
        QStringLiteral("UPDATE api_keys SET status = ?, status_reason = ?, "
                       "grace_until = ? WHERE id = ?"),
        {ApiKeyRecord::statusName(r.status), text(r.statusReason), timeValue(r.graceUntil), r.id});
}

Result<void> KeyRegistry::recordLastUsed(const QString& id, const QDateTime& when)
{
    if (!when.isValid()) {
        return {};
    }
    return m_db.exec(QStringLiteral("UPDATE api_keys SET last_used = ? "
                                    "WHERE id = ? AND (last_used IS NULL OR last_used < ?)"),
                     {timeValue(when), id, timeValue(when)});
}

Result<ApiKeyRecord> KeyRegistry::find(const QString& id) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectColumns + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read an API key"), q.lastError().text()));
    }
    if (!q.next()) {
        return fail(QStringLiteral("keys.not-found"), Text::tr("No API key has the id %1.").arg(id),
                    Text::tr("List the keys with \"raysec-cli keys list\" and copy the id."));
    }
    return fromQuery(q);
}

Result<std::vector<ApiKeyRecord>> KeyRegistry::list(const KeyFilter& filter,
                                                    const QDateTime& now) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectColumns + QStringLiteral(" WHERE (? = '' OR team = ?) ORDER BY team, created"));
    q.addBindValue(text(filter.team));
    q.addBindValue(text(filter.team));
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("list API keys"), q.lastError().text()));
    }
    std::vector<ApiKeyRecord> records;
    while (q.next()) {
        ApiKeyRecord r = fromQuery(q);
        if (matches(r, filter, now)) {
            records.push_back(std::move(r));
        }
    }
    return records;
}

Result<QStringList> KeyRegistry::teams() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT DISTINCT team FROM api_keys ORDER BY team"))) {
        return std::unexpected(sqlError(Text::tr("list teams"), q.lastError().text()));
    }
    QStringList teams;
    while (q.next()) {
        teams << q.value(0).toString();
    }
    return teams;
}

} // namespace raysec
