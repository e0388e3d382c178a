#include "core/quotas/UsageJson.h"

#include <QCoreApplication>

namespace raysec {

namespace {

using nlohmann::json;

std::string s(const QString& text)
{
    return text.toStdString();
}

json subject(const SubjectUsage& usage, const QuotaPolicy* policy)
{
    json out = {{"name", s(usage.name)},
                {"used", UsageJson::resources(usage.used)},
                {"activeJobs", usage.activeJobs},
                {"submissionsLastHour", usage.submissionsLastHour},
                {"jobs", json::array()}};
    for (const QString& key : usage.jobKeys) {
        out["jobs"].push_back(s(key));
    }
    if (policy != nullptr) {
        json limits = json::object();
        for (const QString& metric : policy->hard.metrics()) {
            limits[s(metric)]["hard"] = *policy->hard.limit(metric);
        }
        for (const QString& metric : policy->soft.metrics()) {
            limits[s(metric)]["soft"] = *policy->soft.limit(metric);
        }
        out["limits"] = limits;
    }
    return out;
}

json job(const JobUsage& job)
{
    return {{"jobId", s(job.jobId)},
            {"submissionId", s(job.submissionId)},
            {"status", s(job.status)},
            {"team", s(job.team)},
            {"keyId", s(job.keyId)},
            {"used", UsageJson::resources(job.used)},
            {"runningTasks", job.runningTasks},
            {"aliveActors", job.aliveActors},
            {"placementGroups", job.placementGroups}};
}

json reason(const WhatIfReason& r)
{
    return {{"scope", s(r.scope)},      {"metric", s(r.metric)}, {"current", r.current},
            {"requested", r.requested}, {"limit", r.limit},      {"text", s(r.text)}};
}

} // namespace

json UsageJson::resources(const ResourceSet& set)
{
    json out = {{"CPU", set.cpu}, {"GPU", set.gpu}, {"memory", set.memory}};
    for (auto it = set.custom.cbegin(); it != set.custom.cend(); ++it) {
        out[s(it.key())] = it.value();
    }
    return out;
}

json UsageJson::report(const UsageReport& report, const QuotaConfig& config)
{
    json teams = json::array();
    for (const SubjectUsage& team : report.teams) {
        teams.push_back(subject(team, config.find(QuotaSubject::Team, team.name)));
    }
    json keys = json::array();
    for (const SubjectUsage& key : report.keys) {
        keys.push_back(subject(key, config.find(QuotaSubject::Key, key.name)));
    }
    json jobs = json::array();
    for (const JobUsage& each : report.jobs) {
        jobs.push_back(job(each));
    }
    json notes = json::array();
    for (const QString& note : report.notes) {
        notes.push_back(s(note));
    }
    json out = {{"at", s(report.at.toString(Qt::ISODateWithMs))},
                {"teams", teams},
                {"keys", keys},
                {"jobs", jobs},
                {"clusterUsed", resources(report.clusterUsed)},
                {"truncated", report.truncated},
                {"notes", notes}};
    if (report.clusterCapacity) {
        out["clusterCapacity"] = resources(*report.clusterCapacity);
    }
    return out;
}

json UsageJson::whatIf(const WhatIfAnswer& answer)
{
    json reasons = json::array();
    for (const WhatIfReason& r : answer.reasons) {
        reasons.push_back(reason(r));
    }
    json warnings = json::array();
    for (const WhatIfReason& r : answer.softWarnings) {
        warnings.push_back(reason(r));
    }
    return {{"fits", answer.fits},      {"team", s(answer.team)},
            {"keyId", s(answer.keyId)}, {"reasons", reasons},
            {"softWarnings", warnings}, {"clusterChecked", answer.clusterChecked}};
}

QuotaLimits UsageJson::parseLimits(const QString& text, QString* error)
{
    // "CPU=8,GPU=2,memory=1e9,jobs=3,submissions/h=20,TPU=4"
    QuotaLimits limits;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const double value = part.section(QLatin1Char('='), 1).trimmed().toDouble(&ok);
        if (!ok || name.isEmpty() || !ResourceSet::isCounted(name.toStdString())) {
            *error = QCoreApplication::translate("raysec::UsageJson",
                                                 "\"%1\" is not NAME=NUMBER with a quota "
                                                 "metric name.")
                         .arg(part);
            return {};
        }
        if (name == QLatin1String("CPU")) {
            limits.cpu = value;
        } else if (name == QLatin1String("GPU")) {
            limits.gpu = value;
        } else if (name == QLatin1String("memory")) {
            limits.memory = value;
        } else if (name == QLatin1String("jobs")) {
            limits.concurrentJobs = int(value);
        } else if (name == QLatin1String("submissions/h")) {
            limits.submissionsPerHour = int(value);
        } else {
            limits.custom.insert(name, value);
        }
    }
    return limits;
}

} // namespace raysec
