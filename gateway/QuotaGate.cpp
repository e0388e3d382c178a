#include "gateway/QuotaGate.h"

#include "core/quotas/WhatIf.h"

namespace raysec::gateway {

QuotaGate::QuotaGate(const UsagePoller& usage, std::shared_ptr<const QuotaConfig> config)
    : m_usage(usage)
    , m_config(std::move(config))
{
}

QuotaAdmission::Outcome QuotaGate::admit(const Identity& submitter, std::string_view body)
{
    Outcome outcome;
    const auto latest = m_usage.latest();
    if (!latest) {
        outcome.admitted = false;
        outcome.reason = "The gateway has not read the cluster's usage yet, so it cannot check "
                         "the quota; try again in a few seconds.";
        return outcome;
    }
    auto submission = JobSubmission::fromJson(QByteArrayView(body.data(), qsizetype(body.size())));
    if (!submission) {
        outcome.admitted = false;
        outcome.reason = submission.error().text().toStdString();
        return outcome;
    }

    std::lock_guard lock(m_mutex);
    while (!m_recent.empty() && m_recent.front().first < latest->at) {
        m_recent.pop_front(); // the report already counts these
    }
    UsageReport report = *latest;
    const QString team = QString::fromStdString(submitter.team);
    for (const auto& [when, recentTeam] : m_recent) {
        if (recentTeam == team) {
            SubjectUsage& usage = report.teams[team];
            usage.name = team;
            ++usage.activeJobs;
            ++usage.submissionsLastHour;
        }
    }
    const WhatIfAnswer answer = WhatIf::evaluate(*submission, report, *m_config);
    if (!answer.fits && !answer.reasons.isEmpty()) {
        outcome.admitted = false;
        outcome.reason = answer.reasons.first().text.toStdString();
        return outcome;
    }
    m_recent.emplace_back(QDateTime::currentDateTimeUtc(), team);
    return outcome;
}

} // namespace raysec::gateway
