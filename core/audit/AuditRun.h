#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace raysec {

// What a probe saw: the request it sent, the answer's status and a redacted excerpt of the
// answer (never a token). status is 0 for a TCP connect or a request that got no answer.
struct Evidence
{
    QString request; // "GET /api/jobs/", "TCP connect 10.0.0.5:6379"
    int status = 0;
    QString excerpt;
};

enum class CheckOutcome
{
    Pass,
    Fail,
    NotApplicable, // the check does not apply (TLS checks on a plain-HTTP profile)
    Error          // the probe could not decide (network error, malformed answer)
};

QString outcomeName(CheckOutcome outcome);
std::optional<CheckOutcome> outcomeFromName(const QString& name);

// The result of one check in one run.
struct CheckResult
{
    QString checkId;
    CheckOutcome outcome = CheckOutcome::Error;
    QString detail; // what was found, in a sentence; may quote cluster-supplied text
    QList<Evidence> evidence;
};

// One audit of one cluster.
struct AuditRun
{
    qint64 id = 0; // store row id, 0 until recorded
    QString profile;
    QString dashboardUrl;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString rayVersion;
    bool cancelled = false;
    QList<CheckResult> results;

    const CheckResult* result(const QString& checkId) const;
    nlohmann::json resultsJson() const;
    static std::optional<QList<CheckResult>> resultsFromJson(const nlohmann::json& json);
};

} // namespace raysec
