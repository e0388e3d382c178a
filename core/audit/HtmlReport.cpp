#include "core/audit/HtmlReport.h"

#include "core/audit/AuditReport.h"
#include "core/audit/CheckCatalog.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HtmlReport)
};

const char* style = "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
                    "table{border-collapse:collapse;width:100%}"
                    "td,th{border:1px solid #ccc;padding:.3em;text-align:left;vertical-align:top}"
                    "pre{white-space:pre-wrap;word-break:break-all;background:#f4f4f4;"
                    "padding:.4em}.critical,.high{color:#a00}.medium{color:#a60}"
                    ".fixed{color:#070}.suppressed{color:#666}";

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n")
        .arg(HtmlReport::escape(label), HtmlReport::escape(value));
}

QString evidenceTable(const QList<Evidence>& evidence)
{
    if (evidence.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>\n")
                       .arg(Text::tr("Request"), Text::tr("Status"), Text::tr("Answer (excerpt)"));
    for (const Evidence& e : evidence) {
        html +=
            QStringLiteral("<tr><td><code>%1</code></td><td>%2</td><td><pre>%3</pre></td></tr>\n")
                .arg(HtmlReport::escape(e.request))
                .arg(e.status)
                .arg(HtmlReport::escape(e.excerpt));
    }
    return html + QStringLiteral("</table>\n");
}

QString summary(const AuditReport& report)
{
    const AuditRun& run = report.run;
    QString html = QStringLiteral("<table>\n");
    html += row(Text::tr("Cluster profile"), run.profile);
    html += row(Text::tr("Dashboard"), run.dashboardUrl);
    html += row(Text::tr("Ray version"),
                run.rayVersion.isEmpty() ? Text::tr("unknown") : run.rayVersion);
    html += row(Text::tr("Scanned"), run.finishedAt.toUTC().toString(Qt::ISODate));
    html += row(Text::tr("Hardening score"), QStringLiteral("%1 / 100").arg(report.score.score));
    html += row(Text::tr("Checks passed / failed / undecided"), QStringLiteral("%1 / %2 / %3")
                                                                    .arg(report.score.passed)
                                                                    .arg(report.score.failed)
                                                                    .arg(report.score.undecided));
    if (run.cancelled) {
        html += row(Text::tr("Note"), Text::tr("The scan was cancelled; some checks did not run."));
    }
    return html + QStringLiteral("</table>\n");
}

} // namespace

QString HtmlReport::escape(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    return out;
}

QString HtmlReport::findingSection(const AuditReport& report, const Finding& f)
{
    const QString severity = severityName(f.severity);
    const QString status = findingStatusName(f.status);
    QString html = QStringLiteral("<section><h3 class=\"%1\">%2 %3</h3>\n")
                       .arg(escape(severity), escape(f.checkId), escape(f.title));
    html += QStringLiteral("<table>\n");
    html += row(Text::tr("Severity"), severity);
    html += row(Text::tr("Status"), status);
    html += row(Text::tr("Mitigation"), f.mitigation);
    html += row(Text::tr("First seen"), f.firstSeen.toUTC().toString(Qt::ISODate));
    html += row(Text::tr("Last seen"), f.lastSeen.toUTC().toString(Qt::ISODate));
    if (f.suppression) {
        html += row(Text::tr("Suppressed because"), f.suppression->reason);
        html += row(Text::tr("Suppression expires"),
                    f.suppression->expires.toUTC().toString(Qt::ISODate));
    }
    html += row(Text::tr("Found"), f.detail);
    if (const Check* check = report.catalog->find(f.checkId)) {
        html += row(Text::tr("Remediation"), check->remediation);
        html += row(Text::tr("References"), check->references.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("</table>\n") + evidenceTable(f.evidence);
    return html + QStringLiteral("</section>\n");
}

QByteArray HtmlReport::render(const AuditReport& report)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                                  "<meta http-equiv=\"Content-Security-Policy\" "
                                  "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    html += QStringLiteral("<title>%1</title>\n<style>%2</style></head><body>\n")
                .arg(escape(Text::tr("Raysec audit: %1").arg(report.run.profile)),
                     QString::fromLatin1(style));
    html += QStringLiteral("<h1>%1</h1>\n").arg(escape(Text::tr("Ray cluster audit")));
    html += summary(report);
    html += QStringLiteral("<h2>%1</h2>\n").arg(escape(Text::tr("Findings")));
    const QList<Finding> findings = report.ordered();
    if (findings.isEmpty()) {
        html += QStringLiteral("<p>%1</p>\n").arg(escape(Text::tr("No check failed.")));
    }
    for (const Finding& f : findings) {
        html += findingSection(report, f);
    }
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

} // namespace raysec
