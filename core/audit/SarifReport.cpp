#include "core/audit/SarifReport.h"

#include "core/audit/AuditReport.h"
#include "core/audit/CheckCatalog.h"

namespace raysec {

namespace {

std::string utf8(const QString& text)
{
    return text.toStdString();
}

const char* level(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
    case Severity::High:
        return "error";
    case Severity::Medium:
        return "warning";
    case Severity::Low:
    case Severity::Note:
        return "note";
    }
    return "warning";
}

nlohmann::json rule(const Check& check)
{
    nlohmann::json refs = nlohmann::json::array();
    for (const QString& r : check.references) {
        refs.push_back(utf8(r));
    }
    return {{"id", utf8(check.id)},
            {"shortDescription", {{"text", utf8(check.title)}}},
            {"fullDescription", {{"text", utf8(check.failText)}}},
            {"help", {{"text", utf8(check.remediation)}}},
            {"defaultConfiguration", {{"level", level(check.severity)}}},
            {"properties",
             {{"mitigation", utf8(check.mitigation)},
              {"severity", utf8(severityName(check.severity))},
              {"references", refs},
              {"fixKind", utf8(check.fixKind)}}}};
}

nlohmann::json result(const AuditReport& report, const Finding& f, int ruleIndex)
{
    nlohmann::json evidence = nlohmann::json::array();
    for (const Evidence& e : f.evidence) {
        evidence.push_back(
            {{"request", utf8(e.request)}, {"status", e.status}, {"excerpt", utf8(e.excerpt)}});
    }
    const QString text = f.detail.isEmpty() ? f.title : f.title + QStringLiteral(": ") + f.detail;
    nlohmann::json location = {
        {"physicalLocation", {{"artifactLocation", {{"uri", utf8(report.run.dashboardUrl)}}}}}};
    nlohmann::json json = {
        {"ruleId", utf8(f.checkId)},
        {"ruleIndex", ruleIndex},
        {"level", level(f.severity)},
        {"message", {{"text", utf8(text)}}},
        {"locations", nlohmann::json::array({location})},
        {"properties", {{"evidence", evidence}, {"status", utf8(findingStatusName(f.status))}}}};
    if (f.status == FindingStatus::Suppressed && f.suppression) {
        nlohmann::json suppression = {{"kind", "external"},
                                      {"status", "accepted"},
                                      {"justification", utf8(f.suppression->reason)}};
        json["suppressions"] = nlohmann::json::array({suppression});
    }
    return json;
}

} // namespace

nlohmann::json SarifReport::toJson(const AuditReport& report)
{
    nlohmann::json rules = nlohmann::json::array();
    QStringList ruleIds;
    for (const Check& check : report.catalog->checks()) {
        rules.push_back(rule(check));
        ruleIds.append(check.id);
    }
    nlohmann::json results = nlohmann::json::array();
    for (const Finding& f : report.ordered()) {
        if (f.status != FindingStatus::Fixed) {
            results.push_back(result(report, f, int(ruleIds.indexOf(f.checkId))));
        }
    }
    const auto iso = [](const QDateTime& t) { return utf8(t.toUTC().toString(Qt::ISODate)); };
    nlohmann::json invocation = {{"executionSuccessful", !report.run.cancelled},
                                 {"startTimeUtc", iso(report.run.startedAt)},
                                 {"endTimeUtc", iso(report.run.finishedAt)}};
    nlohmann::json driver = {{"name", "Raysec"}, {"version", RAYSEC_VERSION}, {"rules", rules}};
    nlohmann::json run = {{"tool", {{"driver", driver}}},
                          {"invocations", nlohmann::json::array({invocation})},
                          {"results", results},
                          {"properties",
                           {{"profile", utf8(report.run.profile)},
                            {"rayVersion", utf8(report.run.rayVersion)},
                            {"hardeningScore", report.score.score}}}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", nlohmann::json::array({run})}};
}

QByteArray SarifReport::render(const AuditReport& report)
{
    return QByteArray::fromStdString(toJson(report).dump(2)) + '\n';
}

} // namespace raysec
