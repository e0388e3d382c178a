#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/StateRows.h"

#include <QRegularExpression>

namespace raysec {

// Decides which team (and API key) a job counts against. In order: the team named in the job's
// metadata (`raysec.team` by default); the team of the key in `raysec.key_id`; the first
// mapping rule whose pattern matches the entrypoint or submission id; else "unassigned".
class TeamMapper
{
public:
    struct Assignment
    {
        QString team;
        QString keyId;  // empty when the job names no key
        QString reason; // "metadata", "key", "rule" or "none"
    };

    explicit TeamMapper(const QuotaConfig& config);

    Assignment assign(const JobRow& job) const;
    Assignment assign(const QString& entrypoint, const QString& submissionId,
                      const QMap<QString, QString>& metadata) const;

    static QString unassigned() { return QStringLiteral("unassigned"); }

private:
    struct CompiledRule
    {
        MappingRule::Field field;
        QRegularExpression pattern;
        QString team;
    };

    QString m_teamKey;
    QString m_keyIdKey;
    QMap<QString, QString> m_keyTeams;
    QList<CompiledRule> m_rules;
};

} // namespace raysec
