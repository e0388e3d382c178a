#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

#include <QSet>

namespace raysec {

// A threshold crossing of one metric of one team or key.
struct AlertTransition
{
    enum class Kind
    {
        Raised,
        Cleared
    };
    Kind kind = Kind::Raised;
    QString subject; // "team:<name>" or "key:<id>"
    QString metric;
    double threshold = 0; // fraction of the limit
    double value = 0;
    double limit = 0;
    QDateTime at;

    // "team:ml|CPU|0.8": identifies the alert while it stays raised.
    QString alertKey() const;
};

// Turns usage reports into alert transitions. An alert is raised when usage reaches
// threshold x limit and cleared only once it falls below (threshold - hysteresis) x limit, so
// usage hovering around a threshold does not flap. The limit is the soft limit, or the hard
// limit for a metric without a soft one.
class AlertEvaluator
{
public:
    explicit AlertEvaluator(AlertSettings settings = {});

    // Alerts already raised (from the store, after a restart) so they are not raised again.
    void restoreRaised(const QSet<QString>& alertKeys);
    QList<AlertTransition> evaluate(const UsageReport& usage, const QuotaConfig& config);
    const QSet<QString>& raised() const { return m_raised; }

private:
    void evaluateSubject(const QuotaPolicy& policy, const SubjectUsage& usage, const QDateTime& at,
                         QList<AlertTransition>& out);

    AlertSettings m_settings;
    QSet<QString> m_raised;
};

} // namespace raysec
