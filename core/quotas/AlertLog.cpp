#include "core/quotas/AlertLog.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::AlertLog)
};

std::optional<QDateTime> optionalTime(const QVariant& value)
{
    if (value.isNull()) {
        return std::nullopt;
    }
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QuotaAlert alertFrom(const QSqlQuery& q)
{
    QuotaAlert a;
    a.id = q.value(0).toLongLong();
    a.subject = q.value(1).toString();
    a.metric = q.value(2).toString();
    a.threshold = q.value(3).toDouble();
    a.value = q.value(4).toDouble();
    a.limit = q.value(5).toDouble();
    a.raisedAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
    a.clearedAt = optionalTime(q.value(7));
    a.acknowledgedAt = optionalTime(q.value(8));
    return a;
}

const QString columns = QStringLiteral(
    "SELECT id, subject, metric, threshold, value, limit_value, raised_at, cleared_at, "
    "acknowledged_at FROM quota_alerts ");

} // namespace

QString QuotaAlert::alertKey() const
{
    return subject + QLatin1Char('|') + metric + QLatin1Char('|') + QString::number(threshold);
}

AlertLog::AlertLog(Database& db)
    : m_db(db)
{
}

Result<QList<QuotaAlert>> AlertLog::record(const QList<AlertTransition>& transitions)
{
    QList<QuotaAlert> raised;
    Transaction tx(m_db);
    for (const AlertTransition& t : transitions) {
        const qint64 at = t.at.toMSecsSinceEpoch();
        Result<void> ok;
        if (t.kind == AlertTransition::Kind::Raised) {
            ok = m_db.exec(QStringLiteral("INSERT INTO quota_alerts(alert_key, subject, metric, "
                                          "threshold, value, limit_value, raised_at) "
                                          "VALUES(?, ?, ?, ?, ?, ?, ?)"),
                           {t.alertKey(), t.subject, t.metric, t.threshold, t.value, t.limit, at});
            raised.append({0, t.subject, t.metric, t.threshold, t.value, t.limit, t.at, {}, {}});
        } else {
            ok = m_db.exec(QStringLiteral("UPDATE quota_alerts SET cleared_at = ? "
                                          "WHERE alert_key = ? AND cleared_at IS NULL"),
                           {at, t.alertKey()});
        }
        if (!ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return raised;
}

Result<QList<QuotaAlert>> AlertLog::list(int limit) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(columns + QStringLiteral("ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read the alerts"), q.lastError().text()));
    }
    QList<QuotaAlert> alerts;
    while (q.next()) {
        alerts.append(alertFrom(q));
    }
    return alerts;
}

Result<QSet<QString>> AlertLog::openKeys() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT alert_key FROM quota_alerts WHERE cleared_at IS NULL"))) {
        return std::unexpected(sqlError(Text::tr("read the alerts"), q.lastError().text()));
    }
    QSet<QString> keys;
    while (q.next()) {
        keys.insert(q.value(0).toString());
    }
    return keys;
}

Result<void> AlertLog::acknowledge(qint64 id, const QDateTime& at)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE quota_alerts SET acknowledged_at = ? "
                             "WHERE id = ? AND acknowledged_at IS NULL"));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("acknowledge the alert"), q.lastError().text()));
    }
    if (q.numRowsAffected() == 0) {
        return fail(QStringLiteral("quotas.no-such-alert"),
                    Text::tr("There is no unacknowledged alert %1.").arg(id),
                    Text::tr("List the alerts to see their numbers."));
    }
    return {};
}

} // namespace raysec
