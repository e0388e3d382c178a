#include "core/quotas/AlertEvaluator.h"

#include <algorithm>

namespace raysec {

QString AlertTransition::alertKey() const
{
    return subject + QLatin1Char('|') + metric + QLatin1Char('|') + QString::number(threshold);
}

AlertEvaluator::AlertEvaluator(AlertSettings settings)
    : m_settings(std::move(settings))
{
}

void AlertEvaluator::restoreRaised(const QSet<QString>& alertKeys)
{
    m_raised = alertKeys;
}

void AlertEvaluator::evaluateSubject(const QuotaPolicy& policy, const SubjectUsage& usage,
                                     const QDateTime& at, QList<AlertTransition>& out)
{
    QStringList metrics = policy.soft.metrics();
    for (const QString& metric : policy.hard.metrics()) {
        if (!metrics.contains(metric)) {
            metrics.append(metric);
        }
    }
    for (const QString& metric : metrics) {
        const double limit = policy.soft.limit(metric).value_or(*policy.hard.limit(metric));
        const double value = usage.metric(metric);
        for (double threshold : m_settings.thresholds) {
            AlertTransition t{AlertTransition::Kind::Raised,
                              policy.subjectId(),
                              metric,
                              threshold,
                              value,
                              limit,
                              at};
            const QString key = t.alertKey();
            const bool isRaised = m_raised.contains(key);
            // A zero limit is reached by any use at all. The tolerance keeps binary rounding
            // (0.8 - 0.05 is not exactly 0.75) from moving the edges.
            const double eps = 1e-9 * std::max(1.0, limit);
            const bool reached = limit > 0 ? value >= threshold * limit - eps : value > 0;
            const bool below =
                limit > 0 ? value < (threshold - m_settings.hysteresis) * limit - eps : value <= 0;
            if (!isRaised && reached) {
                m_raised.insert(key);
                out.append(t);
            } else if (isRaised && below) {
                m_raised.remove(key);
                t.kind = AlertTransition::Kind::Cleared;
                out.append(t);
            }
        }
    }
}

QList<AlertTransition> AlertEvaluator::evaluate(const UsageReport& usage, const QuotaConfig& config)
{
    QList<AlertTransition> out;
    QSet<QString> known;
    for (const QuotaPolicy& policy : config.policies) {
        const auto& subjects = policy.subject == QuotaSubject::Team ? usage.teams : usage.keys;
        evaluateSubject(policy, subjects.value(policy.name), usage.at, out);
        known.insert(policy.subjectId() + QLatin1Char('|'));
    }
    // A policy that was removed cannot stay in alert.
    for (auto it = m_raised.begin(); it != m_raised.end();) {
        const QString prefix = it->section(QLatin1Char('|'), 0, 0) + QLatin1Char('|');
        if (!known.contains(prefix)) {
            AlertTransition t;
            t.kind = AlertTransition::Kind::Cleared;
            t.subject = it->section(QLatin1Char('|'), 0, 0);
            t.metric = it->section(QLatin1Char('|'), 1, 1);
            t.threshold = it->section(QLatin1Char('|'), 2, 2).toDouble();
            t.at = usage.at;
            out.append(t);
            it = m_raised.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

} // namespace raysec
