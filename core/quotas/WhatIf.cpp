#include "core/quotas/WhatIf.h"

#include "core/quotas/TeamMapper.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace raysec {

namespace {

using nlohmann::json;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::WhatIf)
};

double requested(const ResourceSet& request, const QString& metric)
{
    if (metric == QLatin1String("jobs") || metric == QLatin1String("submissions/h")) {
        return 1;
    }
    return request.value(metric);
}

QString reasonText(const WhatIfReason& r, bool hard)
{
    const QString level = hard ? Text::tr("hard limit") : Text::tr("soft limit");
    return Text::tr("%1 %2: %3 in use + %4 requested > %5 (%6)")
        .arg(r.scope, r.metric)
        .arg(r.current)
        .arg(r.requested)
        .arg(r.limit)
        .arg(level);
}

void checkPolicy(const QuotaPolicy* policy, const SubjectUsage& usage, const ResourceSet& request,
                 WhatIfAnswer& answer)
{
    if (policy == nullptr) {
        return;
    }
    for (bool hard : {true, false}) {
        const QuotaLimits& limits = hard ? policy->hard : policy->soft;
        for (const QString& metric : limits.metrics()) {
            WhatIfReason r{policy->subjectId(),   metric,
                           usage.metric(metric),  requested(request, metric),
                           *limits.limit(metric), {}};
            if (r.current + r.requested > r.limit + 1e-9) {
                r.text = reasonText(r, hard);
                (hard ? answer.reasons : answer.softWarnings).append(r);
            }
        }
    }
}

void checkCluster(const UsageReport& usage, const ResourceSet& request, WhatIfAnswer& answer)
{
    if (!usage.clusterCapacity) {
        return;
    }
    answer.clusterChecked = true;
    for (const QString& metric : request.names()) {
        WhatIfReason r{QStringLiteral("cluster"),
                       metric,
                       usage.clusterUsed.value(metric),
                       request.value(metric),
                       usage.clusterCapacity->value(metric),
                       {}};
        if (r.requested > 0 && r.current + r.requested > r.limit + 1e-9) {
            r.text = Text::tr("cluster %1: %2 in use + %3 requested > %4 in total on alive nodes")
                         .arg(metric)
                         .arg(r.current)
                         .arg(r.requested)
                         .arg(r.limit);
            answer.reasons.append(r);
        }
    }
}

} // namespace

Result<JobSubmission> JobSubmission::fromJson(QByteArrayView text)
{
    JobSubmission s;
    try {
        const json body = json::parse(text.begin(), text.end());
        s.entrypoint = QString::fromStdString(body.at("entrypoint").get<std::string>());
        s.submissionId = QString::fromStdString(body.value("submission_id", std::string()));
        const json metadata = body.value("metadata", json::object());
        for (const auto& [k, v] : metadata.items()) {
            s.metadata.insert(QString::fromStdString(k), QString::fromStdString(v));
        }
        s.request.cpu = body.value("entrypoint_num_cpus", 0.0);
        s.request.gpu = body.value("entrypoint_num_gpus", 0.0);
        s.request.memory = body.value("entrypoint_memory", 0.0);
        const json resources = body.value("entrypoint_resources", json::object());
        for (const auto& [k, v] : resources.items()) {
            s.request.set(k, v.get<double>());
        }
    } catch (const std::exception& e) {
        return fail(
            QStringLiteral("quotas.invalid-submission"),
            Text::tr("The job submission is not valid: %1.").arg(QString::fromUtf8(e.what())),
            Text::tr("Give the JSON body of POST /api/jobs/ with at least \"entrypoint\"."));
    }
    if (s.entrypoint.trimmed().isEmpty() || s.request.cpu < 0 || s.request.gpu < 0 ||
        s.request.memory < 0) {
        return fail(QStringLiteral("quotas.invalid-submission"),
                    Text::tr("The job submission needs an entrypoint and non-negative resources."),
                    Text::tr("Correct the submission and ask again."));
    }
    return s;
}

WhatIfAnswer WhatIf::evaluate(const JobSubmission& submission, const UsageReport& usage,
                              const QuotaConfig& config)
{
    const TeamMapper mapper(config);
    const auto assignment =
        mapper.assign(submission.entrypoint, submission.submissionId, submission.metadata);
    WhatIfAnswer answer;
    answer.team = assignment.team;
    answer.keyId = assignment.keyId;

    checkPolicy(config.find(QuotaSubject::Team, answer.team), usage.teams.value(answer.team),
                submission.request, answer);
    if (!answer.keyId.isEmpty()) {
        checkPolicy(config.find(QuotaSubject::Key, answer.keyId), usage.keys.value(answer.keyId),
                    submission.request, answer);
    }
    checkCluster(usage, submission.request, answer);
    answer.fits = answer.reasons.isEmpty();
    return answer;
}

} // namespace raysec
