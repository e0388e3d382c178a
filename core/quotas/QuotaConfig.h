#pragma once

#include "core/common/Error.h"
#include "core/quotas/ResourceSet.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace raysec {

// Limits of one quota level (soft or hard); an unset limit does not constrain.
struct QuotaLimits
{
    std::optional<double> cpu;
    std::optional<double> gpu;
    std::optional<double> memory; // bytes
    QMap<QString, double> custom;
    std::optional<int> concurrentJobs;
    std::optional<int> submissionsPerHour;

    bool isEmpty() const;
    // The limit of a metric: "CPU", "GPU", "memory", "jobs", "submissions/h" or a custom name.
    std::optional<double> limit(const QString& metric) const;
    QStringList metrics() const; // the metrics that have a limit
};

enum class QuotaSubject
{
    Team,
    Key
};

// The soft (alerting) and hard (admission) limits of one team or one API key.
struct QuotaPolicy
{
    QuotaSubject subject = QuotaSubject::Team;
    QString name;
    QuotaLimits soft;
    QuotaLimits hard;

    // "team:<name>" or "key:<id>": how alerts and history name the subject.
    QString subjectId() const;
};

// A fallback rule: a job whose entrypoint or submission id matches `pattern` belongs to `team`.
struct MappingRule
{
    enum class Field
    {
        Entrypoint,
        SubmissionId
    };
    Field field = Field::Entrypoint;
    QString pattern; // QRegularExpression syntax, unanchored
    QString team;
};

// Thresholds are fractions of the soft limit (of the hard limit when no soft limit is set).
struct AlertSettings
{
    QList<double> thresholds{0.8, 1.0};
    double hysteresis = 0.05; // an alert clears below threshold - hysteresis
    QUrl webhook;             // optional JSON POST target
    QStringList command;      // optional program and arguments, run without a shell
};

// Everything an admin configures about quotas: policies, how jobs map to teams, and alerts.
// Stored in the store by QuotaRepository and exchanged as JSON (docs/quotas.md).
struct QuotaConfig
{
    QString teamMetadataKey = QStringLiteral("raysec.team");
    QString keyMetadataKey = QStringLiteral("raysec.key_id");
    QMap<QString, QString> keyTeams; // key id -> team
    QList<MappingRule> rules;
    QList<QuotaPolicy> policies;
    AlertSettings alerts;

    const QuotaPolicy* find(QuotaSubject subject, const QString& name) const;
    void upsert(const QuotaPolicy& policy);
    Result<void> validated() const;

    static Result<QuotaConfig> fromJson(QByteArrayView json);
    QByteArray toJson() const;
};

} // namespace raysec
