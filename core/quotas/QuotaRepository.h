#pragma once

#include "core/common/Error.h"
#include "core/quotas/QuotaConfig.h"

namespace raysec {

class Database;

// The quota configuration in the store (one JSON document, replaced whole in a transaction),
// and the migrations of all quota tables: configuration, usage history and alerts.
class QuotaRepository
{
public:
    explicit QuotaRepository(Database& db);

    static Result<void> migrate(Database& db);
    // The stored configuration, or the defaults when none was saved yet.
    Result<QuotaConfig> load() const;
    // Refuses an invalid configuration; the stored one is then unchanged.
    Result<void> save(const QuotaConfig& config);

private:
    Database& m_db;
};

} // namespace raysec
