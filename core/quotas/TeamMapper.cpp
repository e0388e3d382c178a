#include "core/quotas/TeamMapper.h"

namespace raysec {

TeamMapper::TeamMapper(const QuotaConfig& config)
    : m_teamKey(config.teamMetadataKey)
    , m_keyIdKey(config.keyMetadataKey)
    , m_keyTeams(config.keyTeams)
{
    for (const MappingRule& rule : config.rules) {
        m_rules.append({rule.field, QRegularExpression(rule.pattern), rule.team});
    }
}

TeamMapper::Assignment TeamMapper::assign(const JobRow& job) const
{
    return assign(job.entrypoint, job.submissionId, job.metadata);
}

TeamMapper::Assignment TeamMapper::assign(const QString& entrypoint, const QString& submissionId,
                                          const QMap<QString, QString>& metadata) const
{
    Assignment result;
    result.keyId = metadata.value(m_keyIdKey).trimmed();

    const QString team = metadata.value(m_teamKey).trimmed();
    if (!team.isEmpty()) {
        result.team = team;
        result.reason = QStringLiteral("metadata");
        return result;
    }
    if (!result.keyId.isEmpty() && m_keyTeams.contains(result.keyId)) {
        result.team = m_keyTeams.value(result.keyId);
        result.reason = QStringLiteral("key");
        return result;
    }
    for (const CompiledRule& rule : m_rules) {
        const QString& subject =
            rule.field == MappingRule::Field::Entrypoint ? entrypoint : submissionId;
        if (!subject.isEmpty() && rule.pattern.match(subject).hasMatch()) {
            result.team = rule.team;
            result.reason = QStringLiteral("rule");
            return result;
        }
    }
    result.team = unassigned();
    result.reason = QStringLiteral("none");
    return result;
}

} // namespace raysec
