#include "core/audit/JsonReport.h"

#include "core/audit/AuditReport.h"
#include "core/audit/CheckCatalog.h"

namespace raysec {

namespace {

std::string utf8(const QString& text)
{
    return text.toStdString();
}

std::string iso(const QDateTime& time)
{
    return time.isValid() ? utf8(time.toUTC().toString(Qt::ISODate)) : std::string();
}

nlohmann::json strings(const QStringList& list)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString& s : list) {
        array.push_back(utf8(s));
    }
    return array;
}

nlohmann::json evidenceJson(const QList<Evidence>& evidence)
{
    nlohmann::json array = nlohmann::json::array();
    for (const Evidence& e : evidence) {
        array.push_back(
            {{"request", utf8(e.request)}, {"status", e.status}, {"excerpt", utf8(e.excerpt)}});
    }
    return array;
}

} // namespace

nlohmann::json JsonReport::findingJson(const AuditReport& report, const Finding& f)
{
    nlohmann::json json = {{"check", utf8(f.checkId)},
                           {"title", utf8(f.title)},
                           {"mitigation", utf8(f.mitigation)},
                           {"severity", utf8(severityName(f.severity))},
                           {"status", utf8(findingStatusName(f.status))},
                           {"firstSeen", iso(f.firstSeen)},
                           {"lastSeen", iso(f.lastSeen)},
                           {"detail", utf8(f.detail)},
                           {"evidence", evidenceJson(f.evidence)},
                           {"suppression", nullptr}};
    if (f.suppression) {
        json["suppression"] = {{"reason", utf8(f.suppression->reason)},
                               {"expires", iso(f.suppression->expires)}};
    }
    if (const Check* check = report.catalog->find(f.checkId)) {
        json["remediation"] = utf8(check->remediation);
        json["references"] = strings(check->references);
        json["fix"] = {{"kind", utf8(check->fixKind)},
                       {"description", utf8(check->fixDescription)}};
    }
    return json;
}

nlohmann::json JsonReport::toJson(const AuditReport& report)
{
    const AuditRun& run = report.run;
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& f : report.ordered()) {
        findings.push_back(findingJson(report, f));
    }
    nlohmann::json results = nlohmann::json::array();
    for (const CheckResult& r : run.results) {
        results.push_back({{"check", utf8(r.checkId)},
                           {"outcome", utf8(outcomeName(r.outcome))},
                           {"detail", utf8(r.detail)}});
    }
    return {{"format", "raysec-audit-report"},
            {"formatVersion", 1},
            {"tool", {{"name", "Raysec"}, {"version", RAYSEC_VERSION}}},
            {"generatedAt", iso(report.generatedAt)},
            {"profile", utf8(run.profile)},
            {"dashboardUrl", utf8(run.dashboardUrl)},
            {"rayVersion", utf8(run.rayVersion)},
            {"startedAt", iso(run.startedAt)},
            {"finishedAt", iso(run.finishedAt)},
            {"cancelled", run.cancelled},
            {"score",
             {{"value", report.score.score},
              {"passed", report.score.passed},
              {"failed", report.score.failed},
              {"undecided", report.score.undecided}}},
            {"findings", findings},
            {"results", results}};
}

QByteArray JsonReport::render(const AuditReport& report)
{
    return QByteArray::fromStdString(toJson(report).dump(2)) + '\n';
}

} // namespace raysec
