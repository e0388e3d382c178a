#pragma once

#include "core/common/Error.h"

#include <QSqlDatabase>
#include <QStringList>

namespace raysec {

// The embedded SQLite store. Each feature folder owns its tables and migrates them itself with
// migrate("keys", {...}): steps run in order, each in a transaction, and the version reached is
// recorded per module, so modules evolve independently.
class Database
{
public:
    // Opens (creating if needed) the store at path; ":memory:" gives a private in-memory store.
    static Result<Database> open(const QString& path);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    QSqlDatabase& connection() { return m_db; }
    QString path() const { return m_path; }

    Result<void> migrate(const QString& module, const QStringList& steps);
    int schemaVersion(const QString& module) const;

    // Runs one statement with positional bindings; for DDL and simple writes.
    Result<void> exec(const QString& sql, const QVariantList& bindings = {});

private:
    Database() = default;
    void close();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
};

// Maps a failed query to an Error that names the operation.
Error sqlError(const QString& what, const QString& driverText);

} // namespace raysec
