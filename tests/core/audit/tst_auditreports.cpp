#include "AuditFixtures.h"
#include "core/audit/AuditReport.h"
#include "core/audit/CheckCatalog.h"
#include "core/audit/HtmlReport.h"
#include "core/audit/JsonReport.h"
#include "core/audit/SarifReport.h"
#include "support/TestMain.h"

#include <QTest>

using namespace raysec;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);

nlohmann::json parse(const QByteArray& bytes)
{
    return nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

// The properties SARIF 2.1.0 marks as required, and the enumerations Raysec uses.
QString sarifProblem(const nlohmann::json& log)
{
    if (log.value("version", "") != "2.1.0" || !log.contains("runs") || !log["runs"].is_array()) {
        return QStringLiteral("log needs version 2.1.0 and runs");
    }
    for (const auto& run : log["runs"]) {
        const auto tool = run.value("tool", nlohmann::json::object());
        const auto driver = tool.value("driver", nlohmann::json());
        if (!driver.is_object() || !driver.value("name", nlohmann::json()).is_string()) {
            return QStringLiteral("run.tool.driver.name is required");
        }
        const auto rules = driver.value("rules", nlohmann::json::array());
        for (const auto& rule : rules) {
            if (!rule.value("id", nlohmann::json()).is_string()) {
                return QStringLiteral("reportingDescriptor.id is required");
            }
        }
        for (const auto& inv : run.value("invocations", nlohmann::json::array())) {
            if (!inv.value("executionSuccessful", nlohmann::json()).is_boolean()) {
                return QStringLiteral("invocation.executionSuccessful is required");
            }
        }
        for (const auto& result : run.value("results", nlohmann::json::array())) {
            const auto message = result.value("message", nlohmann::json::object());
            if (!message.is_object() || !message.value("text", nlohmann::json()).is_string()) {
                return QStringLiteral("result.message.text is required");
            }
            const std::string level = result.value("level", "warning");
            if (level != "none" && level != "note" && level != "warning" && level != "error") {
                return QStringLiteral("result.level out of range");
            }
            const int index = result.value("ruleIndex", -1);
            if (index < 0 || index >= int(rules.size()) ||
                rules[std::size_t(index)].value("id", "") != result.value("ruleId", "-")) {
                return QStringLiteral("result.ruleIndex does not point at its rule");
            }
            for (const auto& s : result.value("suppressions", nlohmann::json::array())) {
                const std::string kind = s.value("kind", "");
                if (kind != "inSource" && kind != "external") {
                    return QStringLiteral("suppression.kind is required");
                }
            }
        }
    }
    return {};
}

} // namespace

class TstAuditReports : public QObject
{
    Q_OBJECT

    std::optional<CheckCatalog> m_catalog;

    AuditReport sampleReport()
    {
        AuditRun run = test::makeRun(t0, {{QStringLiteral("RAY-1.1"), CheckOutcome::Fail},
                                          {QStringLiteral("RAY-2.1"), CheckOutcome::Fail},
                                          {QStringLiteral("RAY-7.1"), CheckOutcome::Pass}});
        AuditReport report = AuditReport::fromRun(run, *m_catalog);
        report.findings[1].status = FindingStatus::Suppressed;
        report.findings[1].suppression = Suppression{QStringLiteral("lab"), t0.addDays(3), t0};
        return report;
    }

private Q_SLOTS:
    void initTestCase() { m_catalog.emplace(*CheckCatalog::builtIn()); }
    void init() { test::failOnWarnings(); }

    void jsonReportCarriesFindings()
    {
        const nlohmann::json json = parse(JsonReport::render(sampleReport()));
        QVERIFY(json["format"] == "raysec-audit-report");
        QVERIFY(json["findings"].size() == 2u);
        QVERIFY(json["findings"][0]["check"] == "RAY-1.1");
        QVERIFY(json["findings"][0]["status"] == "open");
        QVERIFY(json["findings"][0]["evidence"][0]["status"] == 200);
        QVERIFY(json["findings"][1]["status"] == "suppressed");
        QVERIFY(json["findings"][1]["suppression"]["reason"] == "lab");
        QVERIFY(json["results"].size() == 3u);
    }

    void sarifHasRequiredFields()
    {
        const nlohmann::json log = parse(SarifReport::render(sampleReport()));
        QVERIFY(!log.is_discarded());
        const QString problem = sarifProblem(log);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(log["runs"][0]["results"].size() == 2u);
        QVERIFY(log["runs"][0]["results"][0]["level"] == "error");
        QVERIFY(log["runs"][0]["results"][1]["suppressions"][0]["justification"] == "lab");
        QVERIFY(log["runs"][0]["tool"]["driver"]["rules"].size() ==
                std::size_t(m_catalog->checks().size()));
    }

    void sarifCheckerCatchesMissingFields()
    {
        // The checker above must be able to fail.
        nlohmann::json log = parse(SarifReport::render(sampleReport()));
        log["runs"][0]["results"][0].erase("message");
        QVERIFY(!sarifProblem(log).isEmpty());
    }

    void hostileEvidenceIsEscapedInHtml()
    {
        AuditReport report = sampleReport();
        report.run.profile = QStringLiteral("<script>alert('p')</script>");
        report.run.rayVersion = QStringLiteral("2.6.3\"><img src=x onerror=alert(1)>");
        report.findings[0].detail = QStringLiteral("</td></table><iframe src=//evil>");
        report.findings[0].evidence[0].excerpt = QStringLiteral("</pre><script>steal()</script>");
        report.findings[1].suppression->reason = QStringLiteral("<b onmouseover=x>");
        const QString html = QString::fromUtf8(HtmlReport::render(report));
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<b "), Qt::CaseInsensitive));
        QVERIFY(html.contains(QStringLiteral("&lt;/pre&gt;&lt;script&gt;steal()")));
        QVERIFY(html.contains(QStringLiteral("2.6.3&quot;&gt;&lt;img")));
        QVERIFY(html.contains(QStringLiteral("alert(&#39;p&#39;)")));
        QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
    }
};

QTEST_GUILESS_MAIN(TstAuditReports)
#include "tst_auditreports.moc"
