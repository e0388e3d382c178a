#include "core/audit/AuditHistory.h"

#include "core/audit/CheckCatalog.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::AuditHistory)
};

QString iso(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

const QStringList migrations = {
    QStringLiteral("CREATE TABLE audit_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                   "profile TEXT NOT NULL, url TEXT NOT NULL, started_at TEXT NOT NULL, "
                   "finished_at TEXT NOT NULL, ray_version TEXT NOT NULL, "
                   "cancelled INTEGER NOT NULL, results TEXT NOT NULL)"),
    QStringLiteral("CREATE INDEX audit_runs_profile ON audit_runs(profile, id)"),
    QStringLiteral("CREATE TABLE audit_findings (profile TEXT NOT NULL, check_id TEXT NOT NULL, "
                   "first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, failing INTEGER NOT NULL, "
                   "last_run INTEGER NOT NULL, PRIMARY KEY (profile, check_id))"),
    QStringLiteral("CREATE TABLE audit_suppressions (profile TEXT NOT NULL, "
                   "check_id TEXT NOT NULL, reason TEXT NOT NULL, expires_at TEXT NOT NULL, "
                   "created_at TEXT NOT NULL, PRIMARY KEY (profile, check_id))"),
};

Result<QSqlQuery> query(Database& db, const QString& what, const QString& sql,
                        const QVariantList& bindings)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant& value : bindings) {
        q.addBindValue(value);
    }
    if (!q.exec()) {
        return std::unexpected(sqlError(what, q.lastError().text()));
    }
    return q;
}

Result<AuditRun> runFromQuery(const QSqlQuery& q)
{
    AuditRun run;
    run.id = q.value(0).toLongLong();
    run.profile = q.value(1).toString();
    run.dashboardUrl = q.value(2).toString();
    run.startedAt = fromIso(q.value(3));
    run.finishedAt = fromIso(q.value(4));
    run.rayVersion = q.value(5).toString();
    run.cancelled = q.value(6).toBool();
    const QByteArray json = q.value(7).toString().toUtf8();
    auto results =
        AuditRun::resultsFromJson(nlohmann::json::parse(json.begin(), json.end(), nullptr, false));
    if (!results) {
        return fail(QStringLiteral("audit.history.corrupt"),
                    Text::tr("Audit run %1 in the store cannot be read.").arg(run.id),
                    Text::tr("Delete the run's history or restore the store from a backup."));
    }
    run.results = *results;
    return run;
}

const QString runColumns = QStringLiteral(
    "SELECT id, profile, url, started_at, finished_at, ray_version, cancelled, results "
    "FROM audit_runs ");

} // namespace

AuditHistory::AuditHistory(Database& db)
    : m_db(db)
{
}

Result<void> AuditHistory::migrate()
{
    return m_db.migrate(QStringLiteral("audit"), migrations);
}

Result<qint64> AuditHistory::record(const AuditRun& run)
{
    Transaction transaction(m_db);
    auto inserted =
        query(m_db, Text::tr("record an audit run"),
              QStringLiteral("INSERT INTO audit_runs (profile, url, started_at, "
                             "finished_at, ray_version, cancelled, results) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {run.profile, run.dashboardUrl, iso(run.startedAt), iso(run.finishedAt),
               run.rayVersion, run.cancelled, QString::fromStdString(run.resultsJson().dump())});
    if (!inserted) {
        return std::unexpected(inserted.error());
    }
    const qint64 id = inserted->lastInsertId().toLongLong();
    // A cancelled run saw only some checks: it is kept, but it does not move findings.
    if (!run.cancelled) {
        if (auto ok = updateFindings(run, id); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = transaction.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return id;
}

Result<void> AuditHistory::updateFindings(const AuditRun& run, qint64 runId)
{
    const QString when = iso(run.finishedAt);
    for (const CheckResult& r : run.results) {
        const bool failing = r.outcome == CheckOutcome::Fail;
        const bool passing = r.outcome == CheckOutcome::Pass;
        if (!failing && !passing) {
            continue; // an undecided check keeps its previous state
        }
        const QString sql =
            failing ? QStringLiteral("INSERT INTO audit_findings VALUES (?, ?, ?, ?, 1, ?) "
                                     "ON CONFLICT (profile, check_id) DO UPDATE SET "
                                     "last_seen = excluded.last_seen, failing = 1, "
                                     "last_run = excluded.last_run")
                    : QStringLiteral("UPDATE audit_findings SET failing = 0, last_run = ? "
                                     "WHERE profile = ? AND check_id = ?");
        const QVariantList bindings = failing
                                          ? QVariantList{run.profile, r.checkId, when, when, runId}
                                          : QVariantList{runId, run.profile, r.checkId};
        auto ok = query(m_db, Text::tr("update findings"), sql, bindings);
        if (!ok) {
            return std::unexpected(ok.error());
        }
    }
    return {};
}

Result<QList<AuditRun>> AuditHistory::runs(const QString& profile, int limit) const
{
    auto q = query(m_db, Text::tr("list audit runs"),
                   runColumns + QStringLiteral("WHERE profile = ? ORDER BY id DESC LIMIT ?"),
                   {profile, limit});
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<AuditRun> list;
    while (q->next()) {
        auto run = runFromQuery(*q);
        if (!run) {
            return std::unexpected(run.error());
        }
        list.append(std::move(*run));
    }
    return list;
}

Result<AuditRun> AuditHistory::run(qint64 id) const
{
    auto q = query(m_db, Text::tr("read an audit run"), runColumns + QStringLiteral("WHERE id = ?"),
                   {id});
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return fail(QStringLiteral("audit.history.not-found"),
                    Text::tr("There is no audit run %1.").arg(id));
    }
    return runFromQuery(*q);
}

Result<std::optional<Suppression>> AuditHistory::suppression(const QString& profile,
                                                             const QString& checkId) const
{
    auto q = query(m_db, Text::tr("read a suppression"),
                   QStringLiteral("SELECT reason, expires_at, created_at FROM audit_suppressions "
                                  "WHERE profile = ? AND check_id = ?"),
                   {profile, checkId});
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::optional<Suppression>();
    }
    return Suppression{q->value(0).toString(), fromIso(q->value(1)), fromIso(q->value(2))};
}

Result<QList<Finding>> AuditHistory::findings(const QString& profile, const CheckCatalog& catalog,
                                              const QDateTime& now) const
{
    auto q = query(m_db, Text::tr("list findings"),
                   QStringLiteral("SELECT check_id, first_seen, last_seen, failing, last_run "
                                  "FROM audit_findings WHERE profile = ? ORDER BY check_id"),
                   {profile});
    if (!q) {
        return std::unexpected(q.error());
    }
    QList<Finding> list;
    while (q->next()) {
        const Check* check = catalog.find(q->value(0).toString());
        if (!check) {
            continue; // a check dropped from the catalog no longer yields findings
        }
        Finding f = Finding::forCheck(*check);
        f.firstSeen = fromIso(q->value(1));
        f.lastSeen = fromIso(q->value(2));
        auto suppressed = suppression(profile, f.checkId);
        auto lastRun = run(q->value(4).toLongLong());
        if (!suppressed || !lastRun) {
            return std::unexpected(!suppressed ? suppressed.error() : lastRun.error());
        }
        f.suppression = *suppressed;
        const bool failing = q->value(3).toBool();
        const bool accepted = f.suppression && f.suppression->activeAt(now);
        f.status = !failing ? FindingStatus::Fixed
                            : (accepted ? FindingStatus::Suppressed : FindingStatus::Open);
        if (const CheckResult* r = lastRun->result(f.checkId)) {
            f.detail = r->detail;
            f.evidence = r->evidence;
        }
        list.append(std::move(f));
    }
    return list;
}

Result<void> AuditHistory::suppress(const QString& profile, const QString& checkId,
                                    const QString& reason, const QDateTime& expires,
                                    const QDateTime& now)
{
    if (reason.trimmed().isEmpty()) {
        return fail(
            QStringLiteral("audit.suppress.reason"), Text::tr("A suppression needs a reason."),
            Text::tr("Say why the risk is accepted, for the next person who reads the report."));
    }
    if (!expires.isValid() || expires <= now) {
        return fail(QStringLiteral("audit.suppress.expiry"),
                    Text::tr("A suppression needs an expiry date in the future."),
                    Text::tr("Choose when the decision must be reviewed again."));
    }
    return m_db.exec(
        QStringLiteral("INSERT OR REPLACE INTO audit_suppressions VALUES (?, ?, ?, ?, ?)"),
        {profile, checkId, reason.trimmed(), iso(expires), iso(now)});
}

Result<void> AuditHistory::unsuppress(const QString& profile, const QString& checkId)
{
    return m_db.exec(
        QStringLiteral("DELETE FROM audit_suppressions WHERE profile = ? AND check_id = ?"),
        {profile, checkId});
}

} // namespace raysec
