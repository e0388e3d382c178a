#include "core/passwords/PolicyRepository.h"

#include "core/common/SafeFile.h"
#include "core/passwords/PasswordsSchema.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PolicyRepository)
};

constexpr qint64 maximumBlocklistFile = 512LL * 1024 * 1024;

} // namespace

PolicyRepository::PolicyRepository(Database& db)
    : m_db(db)
{
}

Result<void> PolicyRepository::migrate()
{
    return PasswordsSchema::migrate(m_db);
}

Result<PasswordPolicy> PolicyRepository::load() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT policy_json FROM password_policy WHERE id = 1"))) {
        return std::unexpected(
            sqlError(Text::tr("read the password policy"), q.lastError().text()));
    }
    if (!q.next()) {
        return PasswordPolicy::forPreset(PolicyPreset::Nist);
    }
    return PasswordPolicy::fromJsonText(q.value(0).toString().toUtf8());
}

Result<void> PolicyRepository::save(const PasswordPolicy& policy)
{
    if (auto ok = policy.validated(); !ok) {
        return ok;
    }
    return m_db.exec(
        QStringLiteral("INSERT INTO password_policy(id, policy_json, changed) VALUES(1, ?, ?)"
                       " ON CONFLICT(id) DO UPDATE SET policy_json = excluded.policy_json,"
                       " changed = excluded.changed"),
        {QString::fromStdString(policy.toJson().dump()),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
}

Result<qsizetype> PolicyRepository::importBlocklist(const QString& path)
{
    auto text = SafeFile::read(path, maximumBlocklistFile);
    if (!text) {
        return std::unexpected(text.error());
    }
    auto list = Blocklist::parse(*text);
    if (!list) {
        return std::unexpected(list.error());
    }

    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO password_blocklist(entry, source) "
                             "VALUES(?, ?)"));
    const QString source = QFileInfo(path).fileName();
    for (const std::string& entry : list->entries()) {
        q.addBindValue(QString::fromStdString(entry));
        q.addBindValue(source);
        if (!q.exec()) {
            return std::unexpected(
                sqlError(Text::tr("import the blocklist"), q.lastError().text()));
        }
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return qsizetype(list->size());
}

Result<void> PolicyRepository::clearImportedBlocklist()
{
    return m_db.exec(QStringLiteral("DELETE FROM password_blocklist"));
}

Result<Blocklist> PolicyRepository::importedBlocklist() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT entry FROM password_blocklist"))) {
        return std::unexpected(
            sqlError(Text::tr("read the imported blocklist"), q.lastError().text()));
    }
    Blocklist list;
    while (q.next()) {
        list.insert(q.value(0).toString().toStdString());
    }
    return list;
}

} // namespace raysec
