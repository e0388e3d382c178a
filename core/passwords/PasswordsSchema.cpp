#include "core/passwords/PasswordsSchema.h"

#include "core/store/Database.h"

namespace raysec {

Result<void> PasswordsSchema::migrate(Database& db)
{
    return db.migrate(
        QStringLiteral("passwords"),
        {QStringLiteral("CREATE TABLE password_policy ("
                        " id INTEGER PRIMARY KEY CHECK (id = 1),"
                        " policy_json TEXT NOT NULL,"
                        " changed TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE password_blocklist ("
                        " entry TEXT PRIMARY KEY,"
                        " source TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE dashboard_users ("
                        " name TEXT PRIMARY KEY,"
                        " role TEXT NOT NULL CHECK (role IN ('viewer','operator','admin')),"
                        " password_hash TEXT NOT NULL,"
                        " disabled INTEGER NOT NULL DEFAULT 0,"
                        " created TEXT NOT NULL,"
                        " changed TEXT NOT NULL)")});
}

} // namespace raysec
