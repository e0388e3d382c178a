#pragma once

#include <QByteArray>

namespace raysec {
struct AuditReport;
}

namespace raysec::ui {

// The printable form of an audit report: the self-contained HTML page (everything from the
// cluster already escaped there) laid out on A4 pages by Qt's text engine and written as PDF.
// It lives in the GUI library because PDF output needs QtGui; the CLI writes JSON, SARIF and
// HTML.
class PdfReport
{
public:
    static QByteArray render(const AuditReport& report);
};

} // namespace raysec::ui
