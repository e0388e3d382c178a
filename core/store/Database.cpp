#include "core/store/Database.h"

#include "core/common/Logging.h"
#include "core/store/Transaction.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::Database)
};

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("raysec-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Error sqlError(const QString& what, const QString& driverText)
{
    return Error{
        QStringLiteral("store.sql"), Text::tr("The store could not %1: %2.").arg(what, driverText),
        Text::tr("Check that the data folder is writable and not full; nothing was changed.")};
}

Result<Database> Database::open(const QString& path)
{
    if (path != QStringLiteral(":memory:")) {
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            return fail(QStringLiteral("store.mkdir"),
                        Text::tr("Cannot create the data folder %1.").arg(dir),
                        Text::tr("Set RAYSEC_DATA_DIR to a folder you can write to."));
        }
    }

    Database db;
    db.m_connectionName = nextConnectionName();
    db.m_path = path;
    db.m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db.m_connectionName);
    db.m_db.setDatabaseName(path);
    if (!db.m_db.open()) {
        return fail(
            QStringLiteral("store.open"),
            Text::tr("Cannot open the store %1: %2.").arg(path, db.m_db.lastError().text()),
            Text::tr("Check the file's permissions, or move it aside to start a new store."));
    }

    // WAL keeps readers unblocked; synchronous=FULL makes every commit durable.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                               "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"}) {
        if (auto ok = db.exec(QString::fromLatin1(pragma)); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions ("
                                         "module TEXT PRIMARY KEY, version INTEGER NOT NULL)"));
        !ok) {
        return std::unexpected(ok.error());
    }
    return db;
}

Database::Database(Database&& other) noexcept
    : m_db(std::move(other.m_db))
    , m_connectionName(std::move(other.m_connectionName))
    , m_path(std::move(other.m_path))
{
    other.m_db = QSqlDatabase();
    other.m_connectionName.clear();
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::move(other.m_db);
        m_connectionName = std::move(other.m_connectionName);
        m_path = std::move(other.m_path);
        other.m_db = QSqlDatabase();
        other.m_connectionName.clear();
    }
    return *this;
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connectionName.isEmpty()) {
        return;
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

int Database::schemaVersion(const QString& module) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    query.addBindValue(module);
    if (query.exec() && query.next()) {
        return query.value(0).toInt();
    }
    return 0;
}

Result<void> Database::migrate(const QString& module, const QStringList& steps)
{
    const int current = schemaVersion(module);
    for (int version = current; version < steps.size(); ++version) {
        Transaction tx(*this);
        if (auto ok = exec(steps.at(version)); !ok) {
            return ok;
        }
        if (auto ok = exec(QStringLiteral("INSERT INTO schema_versions(module, version) "
                                          "VALUES(?, ?) ON CONFLICT(module) DO UPDATE "
                                          "SET version = excluded.version"),
                           {module, version + 1});
            !ok) {
            return ok;
        }
        if (auto ok = tx.commit(); !ok) {
            return ok;
        }
        qCInfo(lcCore) << "store: migrated" << module << "to schema" << version + 1;
    }
    return {};
}

Result<void> Database::exec(const QString& sql, const QVariantList& bindings)
{
    QSqlQuery query(m_db);
    // SQLite's driver runs only the first statement of a string; migrations may hold several.
    const QStringList statements = sql.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString& raw : statements) {
        const QString statement = raw.trimmed();
        if (statement.isEmpty()) {
            continue;
        }
        if (!query.prepare(statement)) {
            return std::unexpected(
                sqlError(Text::tr("prepare a statement"), query.lastError().text()));
        }
        for (const QVariant& value : bindings) {
            query.addBindValue(value);
        }
        if (!query.exec()) {
            return std::unexpected(sqlError(Text::tr("run a statement"), query.lastError().text()));
        }
    }
    return {};
}

} // namespace raysec
