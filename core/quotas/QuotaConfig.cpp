#include "core/quotas/QuotaConfig.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::QuotaConfig)
};

Error invalid(const QString& message)
{
    return Error{QStringLiteral("quotas.invalid-config"), message,
                 Text::tr("Correct the quota configuration; nothing was changed.")};
}

std::optional<QString> checkLimits(const QString& who, const QuotaLimits& limits)
{
    const QStringList metrics = limits.metrics();
    for (const QString& metric : metrics) {
        const double value = *limits.limit(metric);
        if (!(value >= 0) || value > 1e18) {
            return Text::tr("The %1 limit of %2 must be a number from 0 up.").arg(metric, who);
        }
    }
    return std::nullopt;
}

std::optional<QString> checkPolicy(const QuotaPolicy& policy)
{
    const QString who = policy.subjectId();
    if (policy.name.trimmed().isEmpty()) {
        return Text::tr("A quota policy has no team or key name.");
    }
    if (auto bad = checkLimits(who, policy.soft)) {
        return bad;
    }
    if (auto bad = checkLimits(who, policy.hard)) {
        return bad;
    }
    for (const QString& metric : policy.soft.metrics()) {
        const auto hard = policy.hard.limit(metric);
        if (hard && *policy.soft.limit(metric) > *hard) {
            return Text::tr("The soft %1 limit of %2 is above its hard limit.").arg(metric, who);
        }
    }
    return std::nullopt;
}

std::optional<QString> checkAlerts(const AlertSettings& alerts)
{
    for (double threshold : alerts.thresholds) {
        if (!(threshold > 0 && threshold <= 10)) {
            return Text::tr(
                "Alert thresholds are fractions of a limit between 0 and 10 (0.8 is 80%).");
        }
    }
    if (!(alerts.hysteresis >= 0 && alerts.hysteresis < 0.5)) {
        return Text::tr("The alert hysteresis must be from 0 to below 0.5.");
    }
    const QString scheme = alerts.webhook.scheme();
    if (!alerts.webhook.isEmpty() &&
        (!alerts.webhook.isValid() ||
         (scheme != QLatin1String("https") && scheme != QLatin1String("http")))) {
        return Text::tr("The alert webhook must be an http or https address.");
    }
    if (!alerts.command.isEmpty() && !alerts.command.first().startsWith(QLatin1Char('/'))) {
        return Text::tr("The alert command must start with an absolute program path.");
    }
    return std::nullopt;
}

} // namespace

bool QuotaLimits::isEmpty() const
{
    return metrics().isEmpty();
}

std::optional<double> QuotaLimits::limit(const QString& metric) const
{
    if (metric == QLatin1String("CPU")) {
        return cpu;
    }
    if (metric == QLatin1String("GPU")) {
        return gpu;
    }
    if (metric == QLatin1String("memory")) {
        return memory;
    }
    if (metric == QLatin1String("jobs")) {
        return concurrentJobs ? std::optional<double>(*concurrentJobs) : std::nullopt;
    }
    if (metric == QLatin1String("submissions/h")) {
        return submissionsPerHour ? std::optional<double>(*submissionsPerHour) : std::nullopt;
    }
    if (custom.contains(metric)) {
        return custom.value(metric);
    }
    return std::nullopt;
}

QStringList QuotaLimits::metrics() const
{
    QStringList list;
    const QStringList fixed{QStringLiteral("CPU"), QStringLiteral("GPU"), QStringLiteral("memory"),
                            QStringLiteral("jobs"), QStringLiteral("submissions/h")};
    for (const QString& metric : fixed) {
        if (limit(metric)) {
            list.append(metric);
        }
    }
    list.append(custom.keys());
    return list;
}

QString QuotaPolicy::subjectId() const
{
    return (subject == QuotaSubject::Team ? QStringLiteral("team:") : QStringLiteral("key:")) +
           name;
}

const QuotaPolicy* QuotaConfig::find(QuotaSubject subject, const QString& name) const
{
    for (const QuotaPolicy& policy : policies) {
        if (policy.subject == subject && policy.name == name) {
            return &policy;
        }
    }
    return nullptr;
}

void QuotaConfig::upsert(const QuotaPolicy& policy)
{
    for (QuotaPolicy& existing : policies) {
        if (existing.subject == policy.subject && existing.name == policy.name) {
            existing = policy;
            return;
        }
    }
    policies.append(policy);
}

Result<void> QuotaConfig::validated() const
{
    if (teamMetadataKey.isEmpty() || keyMetadataKey.isEmpty()) {
        return std::unexpected(
            invalid(Text::tr("The job metadata keys for team and key id are empty.")));
    }
    for (const QuotaPolicy& policy : policies) {
        if (auto bad = checkPolicy(policy)) {
            return std::unexpected(invalid(*bad));
        }
    }
    for (const MappingRule& rule : rules) {
        const QRegularExpression re(rule.pattern);
        if (!re.isValid() || rule.pattern.isEmpty() || rule.team.isEmpty()) {
            return std::unexpected(
                invalid(Text::tr("The mapping rule \"%1\" is not a valid pattern with a team.")
                            .arg(rule.pattern)));
        }
    }
    if (auto bad = checkAlerts(alerts)) {
        return std::unexpected(invalid(*bad));
    }
    return {};
}

} // namespace raysec
