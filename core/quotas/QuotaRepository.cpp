#include "core/quotas/QuotaRepository.h"

#include "core/store/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

QuotaRepository::QuotaRepository(Database& db)
    : m_db(db)
{
}

Result<void> QuotaRepository::migrate(Database& db)
{
    return db.migrate(
        QStringLiteral("quotas"),
        {QStringLiteral("CREATE TABLE quota_config (id INTEGER PRIMARY KEY CHECK (id = 1), "
                        "document TEXT NOT NULL, updated_at INTEGER NOT NULL)"),
         QStringLiteral("CREATE TABLE quota_history (at INTEGER NOT NULL, subject TEXT NOT NULL, "
                        "metric TEXT NOT NULL, value REAL NOT NULL, "
                        "resolution INTEGER NOT NULL DEFAULT 0);"
                        "CREATE INDEX quota_history_by_subject "
                        "ON quota_history(subject, metric, at)"),
         QStringLiteral("CREATE TABLE quota_alerts (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        "alert_key TEXT NOT NULL, subject TEXT NOT NULL, metric TEXT NOT NULL, "
                        "threshold REAL NOT NULL, value REAL NOT NULL, limit_value REAL NOT NULL, "
                        "raised_at INTEGER NOT NULL, cleared_at INTEGER, "
                        "acknowledged_at INTEGER)")});
}

Result<QuotaConfig> QuotaRepository::load() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT document FROM quota_config WHERE id = 1"))) {
        return std::unexpected(sqlError(QStringLiteral("read quotas"), q.lastError().text()));
    }
    if (!q.next()) {
        return QuotaConfig{};
    }
    return QuotaConfig::fromJson(q.value(0).toByteArray());
}

Result<void> QuotaRepository::save(const QuotaConfig& config)
{
    if (auto ok = config.validated(); !ok) {
        return ok;
    }
    return m_db.exec(QStringLiteral("INSERT INTO quota_config(id, document, updated_at) "
                                    "VALUES(1, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                                    "document = excluded.document, "
                                    "updated_at = excluded.updated_at"),
                     {QString::fromUtf8(config.toJson()), QDateTime::currentMSecsSinceEpoch()});
}

} // namespace raysec
