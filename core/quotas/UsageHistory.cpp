#include "core/quotas/UsageHistory.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageHistory)
};

constexpr qint64 hourMs = 3600LL * 1000;

Result<void> insertSubject(Database& db, qint64 at, const QString& subject,
                           const SubjectUsage& usage)
{
    const QString sql =
        QStringLiteral("INSERT INTO quota_history(at, subject, metric, value) VALUES(?, ?, ?, ?)");
    QStringList metrics = usage.used.names();
    metrics.append(QStringLiteral("jobs"));
    for (const QString& metric : metrics) {
        if (auto ok = db.exec(sql, {at, subject, metric, usage.metric(metric)}); !ok) {
            return ok;
        }
    }
    return {};
}

} // namespace

UsageHistory::UsageHistory(Database& db)
    : m_db(db)
{
}

Result<void> UsageHistory::record(const UsageReport& report)
{
    const qint64 at = report.at.toMSecsSinceEpoch();
    Transaction tx(m_db);
    for (auto it = report.teams.cbegin(); it != report.teams.cend(); ++it) {
        if (auto ok = insertSubject(m_db, at, QStringLiteral("team:") + it.key(), *it); !ok) {
            return ok;
        }
    }
    for (auto it = report.keys.cbegin(); it != report.keys.cend(); ++it) {
        if (auto ok = insertSubject(m_db, at, QStringLiteral("key:") + it.key(), *it); !ok) {
            return ok;
        }
    }
    SubjectUsage cluster;
    cluster.used = report.clusterUsed;
    for (const JobUsage& job : report.jobs) {
        cluster.activeJobs += job.active ? 1 : 0;
    }
    if (auto ok = insertSubject(m_db, at, QStringLiteral("cluster"), cluster); !ok) {
        return ok;
    }
    return tx.commit();
}

Result<void> UsageHistory::maintain(const QDateTime& now, int retentionDays, int rawHours)
{
    const qint64 oldest = now.addDays(-retentionDays).toMSecsSinceEpoch();
    // Downsample whole hours only, so a later run never averages an hour twice.
    const qint64 rawCutoff = (now.toMSecsSinceEpoch() - rawHours * hourMs) / hourMs * hourMs;
    Transaction tx(m_db);
    auto ok = m_db.exec(QStringLiteral("DELETE FROM quota_history WHERE at < ?"), {oldest});
    if (ok) {
        ok = m_db.exec(QStringLiteral("INSERT INTO quota_history(at, subject, metric, value, "
                                      "resolution) SELECT (at / ?) * ?, subject, metric, "
                                      "AVG(value), 3600 FROM quota_history WHERE resolution = 0 "
                                      "AND at < ? GROUP BY at / ?, subject, metric"),
                       {hourMs, hourMs, rawCutoff, hourMs});
    }
    if (ok) {
        ok = m_db.exec(QStringLiteral("DELETE FROM quota_history WHERE resolution = 0 AND at < ?"),
                       {rawCutoff});
    }
    if (!ok) {
        return ok;
    }
    return tx.commit();
}

Result<QList<UsageHistory::Sample>>
UsageHistory::series(const QString& subject, const QString& metric, const QDateTime& from) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT at, value FROM quota_history WHERE subject = ? AND "
                             "metric = ? AND at >= ? ORDER BY at"));
    q.addBindValue(subject);
    q.addBindValue(metric);
    q.addBindValue(from.toMSecsSinceEpoch());
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read the usage history"), q.lastError().text()));
    }
    QList<Sample> samples;
    while (q.next()) {
        samples.append({QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC),
                        q.value(1).toDouble()});
    }
    return samples;
}

} // namespace raysec
