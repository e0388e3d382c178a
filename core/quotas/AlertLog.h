#pragma once

#include "core/common/Error.h"
#include "core/quotas/AlertEvaluator.h"

#include <optional>

namespace raysec {

class Database;

// One quota alert as the alert list shows it.
struct QuotaAlert
{
    qint64 id = 0;
    QString subject;
    QString metric;
    double threshold = 0;
    double value = 0;
    double limit = 0;
    QDateTime raisedAt;
    std::optional<QDateTime> clearedAt;
    std::optional<QDateTime> acknowledgedAt;

    QString alertKey() const;
};

// The alert list in the store: transitions from AlertEvaluator open and close alerts; a person
// acknowledges them. Open alerts survive a restart and seed the evaluator.
class AlertLog
{
public:
    explicit AlertLog(Database& db);

    Result<QList<QuotaAlert>> record(const QList<AlertTransition>& transitions);
    Result<QList<QuotaAlert>> list(int limit = 200) const;
    Result<QSet<QString>> openKeys() const;
    Result<void> acknowledge(qint64 id, const QDateTime& at);

private:
    Database& m_db;
};

} // namespace raysec
