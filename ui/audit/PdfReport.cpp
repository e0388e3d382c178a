#include "ui/audit/PdfReport.h"

#include "core/audit/AuditReport.h"
#include "core/audit/HtmlReport.h"

#include <QBuffer>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace raysec::ui {

QByteArray PdfReport::render(const AuditReport& report)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        // The writer finishes the file when its painter ends, inside print().
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setCreator(QStringLiteral("Raysec " RAYSEC_VERSION));
        writer.setTitle(QStringLiteral("Raysec audit report"));

        QTextDocument document;
        document.setHtml(QString::fromUtf8(HtmlReport::render(report)));
        document.print(&writer);
    }
    return pdf;
}

} // namespace raysec::ui
