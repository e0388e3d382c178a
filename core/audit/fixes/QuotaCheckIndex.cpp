#include "core/audit/fixes/QuotaCheckIndex.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QVariant>

namespace raysec {

Result<void> QuotaCheckIndex::sync(Database& db, const QuotaConfig& config)
{
    Transaction transaction(db);
    for (const QString& sql :
         {QStringLiteral("CREATE TABLE IF NOT EXISTS quota_policies (name TEXT PRIMARY KEY)"),
          QStringLiteral("DELETE FROM quota_policies")}) {
        if (auto ok = db.exec(sql); !ok) {
            return ok;
        }
    }
    for (const QuotaPolicy& policy : config.policies) {
        if (auto ok = db.exec(QStringLiteral("INSERT OR REPLACE INTO quota_policies VALUES (?)"),
                              {policy.subjectId()});
            !ok) {
            return ok;
        }
    }
    return transaction.commit();
}

} // namespace raysec
