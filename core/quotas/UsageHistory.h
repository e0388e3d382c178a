#pragma once

#include "core/common/Error.h"
#include "core/quotas/UsageReport.h"

#include <QPointF>

namespace raysec {

class Database;

// Usage over time in the store: one sample per team, key and cluster metric per refresh.
// maintain() keeps raw samples for `rawHours`, averages older ones into hourly points, and
// deletes everything older than `retentionDays`.
class UsageHistory
{
public:
    struct Sample
    {
        QDateTime at;
        double value = 0;
    };

    explicit UsageHistory(Database& db);

    Result<void> record(const UsageReport& report);
    Result<void> maintain(const QDateTime& now, int retentionDays = 30, int rawHours = 24);
    Result<QList<Sample>> series(const QString& subject, const QString& metric,
                                 const QDateTime& from) const;

private:
    Database& m_db;
};

} // namespace raysec
