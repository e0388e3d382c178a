#pragma once

#include "core/common/Error.h"
#include "core/keys/ApiKeyRecord.h"

#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace raysec {

class Database;

// Which keys a listing shows.
struct KeyFilter
{
    QString team;                     // empty: every team
    std::optional<KeyStatus> status;  // compared with the status at `now`
    std::optional<int> expiresWithin; // days
};

// The API key registry's table in the store: one row per key, with the hash of its secret and
// never the secret. Plain storage; the lifecycle rules live in KeyManager.
class KeyRegistry
{
public:
    explicit KeyRegistry(Database& db);

    // Creates or upgrades the "keys" module's tables (registry and audit trail).
    Result<void> migrate();

    Result<void> insert(const ApiKeyRecord& record);
    Result<void> updateStatus(const ApiKeyRecord& record);
    // Moves a key's last use forward to `when` (from the gateway's metrics). An id the registry
    // does not hold, or a time older than the one stored, changes nothing.
    Result<void> recordLastUsed(const QString& id, const QDateTime& when);
    Result<ApiKeyRecord> find(const QString& id) const;
    Result<std::vector<ApiKeyRecord>> list(const KeyFilter& filter, const QDateTime& now) const;
    Result<QStringList> teams() const;

private:
    Database& m_db;
};

} // namespace raysec
