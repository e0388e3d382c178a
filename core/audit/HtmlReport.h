#pragma once

#include <QByteArray>
#include <QString>

namespace raysec {

struct AuditReport;
struct Finding;

// The audit report as one self-contained HTML page: inline style, no scripts, no external
// resources, and every string escaped, since profile names, versions, details and evidence
// may carry whatever a hostile cluster sent.
class HtmlReport
{
public:
    static QByteArray render(const AuditReport& report);
    // Escapes text for HTML element content and double-quoted attributes.
    static QString escape(const QString& text);

private:
    static QString findingSection(const AuditReport& report, const Finding& finding);
};

} // namespace raysec
