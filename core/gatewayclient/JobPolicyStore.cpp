#include "core/gatewayclient/JobPolicyStore.h"

#include "core/store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::JobPolicyStore)
};

const QString storedName = QStringLiteral("job policy in the store");

} // namespace

JobPolicyStore::JobPolicyStore(Database& db)
    : m_db(db)
{
}

Result<void> JobPolicyStore::migrate(Database& db)
{
    return db.migrate(QStringLiteral("job-policy"),
                      {QStringLiteral("CREATE TABLE job_policy (id INTEGER PRIMARY KEY CHECK "
                                      "(id = 1), document TEXT NOT NULL, updated_at INTEGER NOT "
                                      "NULL)")});
}

Result<std::optional<JobPolicy>> JobPolicyStore::load() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT document FROM job_policy WHERE id = 1"))) {
        return std::unexpected(sqlError(Text::tr("read the job policy"), q.lastError().text()));
    }
    if (!q.next()) {
        return std::optional<JobPolicy>();
    }
    auto parsed = JobPolicy::parse(q.value(0).toByteArray(), storedName);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    return std::optional<JobPolicy>(std::move(*parsed));
}

Result<void> JobPolicyStore::save(const JobPolicy& policy)
{
    // Checked first, so that a refused entry is reported as itself rather than as a stored
    // document that does not parse.
    if (auto checked = policy.check(); !checked) {
        return checked;
    }
    const QByteArray document = QByteArray::fromStdString(policy.toJson().dump(2));
    if (auto reread = JobPolicy::parse(document, storedName); !reread) {
        return std::unexpected(reread.error());
    }
    return m_db.exec(QStringLiteral("INSERT INTO job_policy(id, document, updated_at) "
                                    "VALUES(1, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                                    "document = excluded.document, "
                                    "updated_at = excluded.updated_at"),
                     {QString::fromUtf8(document), QDateTime::currentMSecsSinceEpoch()});
}

Result<void> JobPolicyStore::reset()
{
    return m_db.exec(QStringLiteral("DELETE FROM job_policy"));
}

Result<std::pair<JobPolicy, QString>> JobPolicyStore::forBundles() const
{
    auto saved = load();
    if (!saved) {
        return std::unexpected(saved.error());
    }
    if (*saved) {
        return std::pair{std::move(**saved),
                         Text::tr("the job policy saved in the console (raysec-cli gateway "
                                  "job-policy)")};
    }
    return std::pair{JobPolicy::defaults(),
                     Text::tr("Raysec's recommended job policy (the one the audit checks jobs "
                              "against)")};
}

} // namespace raysec
