#include "ui/audit/AuditPage.h"

#include "core/audit/AuditHistory.h"
#include "core/audit/HtmlReport.h"
#include "core/audit/JsonReport.h"
#include "core/audit/SarifReport.h"
#include "core/common/SafeFile.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/FindingsFilterModel.h"
#include "ui/audit/FindingsModel.h"
#include "ui/audit/PdfReport.h"
#include "ui/audit/hardening/HardeningWizard.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/RecordSplitter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const PageRegistration registration{
    {QStringLiteral("audit"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Audit"), 25,
     [](ConsoleContext& context, QWidget* parent) { return new AuditPage(context, parent); }}};

QString evidenceText(const Finding& f)
{
    QStringList lines;
    for (const Evidence& e : f.evidence) {
        lines << (e.status > 0 ? AuditPage::tr("%1 → status %2").arg(e.request).arg(e.status)
                               : e.request);
        if (!e.excerpt.isEmpty()) {
            lines << QStringLiteral("    ") + e.excerpt.left(400);
        }
    }
    return lines.join(u'\n');
}

QString detailText(const Finding& f, const Check* check)
{
    QStringList parts = {
        AuditPage::tr("%1 %2 (%3, %4)")
            .arg(f.checkId, f.title, FindingsModel::severityText(f.severity), f.mitigation),
        f.detail,
        AuditPage::tr("Evidence:\n%1").arg(evidenceText(f)),
    };
    if (check) {
        parts << AuditPage::tr("How to fix it: %1").arg(check->remediation)
              << AuditPage::tr("Raysec can generate: %1").arg(check->fixDescription);
    }
    if (f.suppression) {
        parts << AuditPage::tr("Suppressed until %1: %2")
                     .arg(QLocale().toString(f.suppression->expires.toLocalTime(),
                                             QLocale::ShortFormat),
                          f.suppression->reason);
    }
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace

AuditPage::AuditPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_scan(new AuditScan(context.keychain(), &context.store(), this))
    , m_model(new FindingsModel(this))
    , m_filter(new FindingsFilterModel(this))
{
    m_filter->setSourceModel(m_model);
    buildUi();
    connect(m_scan, &AuditScan::progressed, this, &AuditPage::showProgress);
    connect(m_scan, &AuditScan::finished, this, &AuditPage::scanEnded);
    connect(m_scan, &AuditScan::failed, this, &AuditPage::scanFailed);
    connect(&m_context, &ConsoleContext::currentProfileChanged, this, &AuditPage::showProfile);
    showProfile();
    if (m_scan->loadError()) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, m_scan->loadError()->message,
                                 m_scan->loadError()->hint);
    }
}

AuditPage::~AuditPage() = default;

void AuditPage::buildUi()
{
    auto* title = new QLabel(tr("Audit"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_ui.banner = new ErrorBanner(this);
    auto* splitter = new RecordSplitter(
        m_filter, tr("Run a scan, then select a finding to see its evidence."), 2, this);
    m_ui.table = splitter->table();
    m_ui.details = splitter->details();
    m_ui.table->setSortingEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_ui.banner);
    layout->addWidget(buildToolbar());
    layout->addWidget(buildFilters());
    layout->addWidget(splitter, 1);
    layout->addWidget(buildExports());
    connect(m_ui.table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::showSelection);
}

QWidget* AuditPage::buildToolbar()
{
    auto* row = new QWidget(this);
    m_ui.profile = new QLabel(row);
    m_ui.scan = new QPushButton(tr("Scan"), row);
    m_ui.cancel = new QPushButton(tr("Cancel"), row);
    m_ui.cancel->setEnabled(false);
    m_ui.progress = new QProgressBar(row);
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(0);
    m_ui.score = new QLabel(tr("Score: not scanned yet"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ui.profile);
    layout->addWidget(m_ui.scan);
    layout->addWidget(m_ui.cancel);
    layout->addWidget(m_ui.progress, 1);
    layout->addWidget(m_ui.score);
    connect(m_ui.scan, &QPushButton::clicked, this, &AuditPage::startScan);
    connect(m_ui.cancel, &QPushButton::clicked, m_scan, &AuditScan::cancel);
    return row;
}

QWidget* AuditPage::buildFilters()
{
    auto* row = new QWidget(this);
    m_ui.severity = new QComboBox(row);
    m_ui.severity->addItem(tr("Any severity"), int(Severity::Note));
    for (Severity s : {Severity::Low, Severity::Medium, Severity::High, Severity::Critical}) {
        m_ui.severity->addItem(tr("%1 or higher").arg(FindingsModel::severityText(s)), int(s));
    }
    m_ui.openOnly = new QCheckBox(tr("Open only"), row);
    m_ui.text = new QLineEdit(row);
    m_ui.text->setPlaceholderText(tr("Filter by check, title or evidence"));
    m_ui.text->setClearButtonEnabled(true);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Severity"), row));
    layout->addWidget(m_ui.severity);
    layout->addWidget(m_ui.openOnly);
    layout->addWidget(m_ui.text, 1);
    connect(m_ui.severity, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilters);
    connect(m_ui.openOnly, &QCheckBox::toggled, this, &AuditPage::applyFilters);
    connect(m_ui.text, &QLineEdit::textChanged, this, &AuditPage::applyFilters);
    return row;
}

QWidget* AuditPage::buildExports()
{
    auto* row = new QWidget(this);
    m_ui.exportJson = new QPushButton(tr("Export JSON…"), row);
    m_ui.exportSarif = new QPushButton(tr("Export SARIF…"), row);
    m_ui.exportHtml = new QPushButton(tr("Export HTML…"), row);
    m_ui.exportPdf = new QPushButton(tr("Export PDF…"), row);
    m_ui.wizard = new QPushButton(tr("Hardening wizard…"), row);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QPushButton* b : {m_ui.exportJson, m_ui.exportSarif, m_ui.exportHtml, m_ui.exportPdf}) {
        b->setEnabled(false);
        layout->addWidget(b);
    }
    layout->addStretch(1);
    layout->addWidget(m_ui.wizard);
    connect(m_ui.exportJson, &QPushButton::clicked, this, [this] { askExport(Format::Json); });
    connect(m_ui.exportSarif, &QPushButton::clicked, this, [this] { askExport(Format::Sarif); });
    connect(m_ui.exportHtml, &QPushButton::clicked, this, [this] { askExport(Format::Html); });
    connect(m_ui.exportPdf, &QPushButton::clicked, this, [this] { askExport(Format::Pdf); });
    connect(m_ui.wizard, &QPushButton::clicked, this, &AuditPage::openWizard);
    return row;
}

void AuditPage::applyFilters()
{
    m_filter->setMinimumSeverity(m_ui.severity->currentData().toInt());
    m_filter->setOpenOnly(m_ui.openOnly->isChecked());
    m_filter->setText(m_ui.text->text());
}

void AuditPage::showProfile()
{
    const auto& profile = m_context.currentProfile();
    m_ui.profile->setText(profile ? tr("Cluster: %1").arg(profile->name)
                                  : tr("No cluster selected"));
    m_ui.scan->setEnabled(profile.has_value() && !m_scan->isRunning() && !m_scan->loadError());
}

void AuditPage::startScan()
{
    const auto& profile = m_context.currentProfile();
    if (!profile) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, tr("No cluster is selected."),
                                 tr("Choose or add a cluster profile, then scan again."));
        return;
    }
    m_ui.banner->clear();
    setBusy(true);
    m_ui.progress->setRange(0, 0);
    m_scan->start(*profile);
}

void AuditPage::setBusy(bool busy)
{
    m_ui.scan->setEnabled(!busy && m_context.currentProfile().has_value());
    m_ui.cancel->setEnabled(busy);
    m_ui.wizard->setEnabled(!busy);
}

void AuditPage::showProgress(int done, int total, const QString& checkId)
{
    m_ui.progress->setRange(0, total);
    m_ui.progress->setValue(done);
    m_ui.progress->setFormat(checkId.isEmpty()
                                 ? QStringLiteral("%v/%m")
                                 : tr("%1 (%2 of %3)").arg(checkId).arg(done + 1).arg(total));
}

void AuditPage::scanFailed(const QString& message)
{
    setBusy(false);
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(0);
    m_ui.banner->showMessage(ErrorBanner::Level::Error, tr("The scan could not start."), message);
    Q_EMIT scanFinished();
}

void AuditPage::scanEnded(const AuditRun& run)
{
    setBusy(false);
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(run.cancelled ? 0 : 1);
    m_report = reportFor(run);
    showReport();
    if (run.cancelled) {
        m_ui.banner->showMessage(ErrorBanner::Level::Warning,
                                 tr("The scan was cancelled; the findings are incomplete."),
                                 tr("Scan again to see every check."));
    }
    Q_EMIT scanFinished();
}

// A complete run is recorded in the audit history, which adds first and last seen, fixed
// findings and suppressions; a cancelled run is shown but not recorded.
AuditReport AuditPage::reportFor(const AuditRun& run)
{
    AuditReport report = AuditReport::fromRun(run, m_scan->catalog());
    if (run.cancelled) {
        return report;
    }
    AuditHistory history(m_context.store());
    auto ok = history.migrate();
    auto recorded = ok ? history.record(run) : Result<qint64>(std::unexpected(ok.error()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto findings = recorded ? history.findings(run.profile, m_scan->catalog(), now)
                             : Result<QList<Finding>>(std::unexpected(recorded.error()));
    if (!findings) {
        m_ui.banner->showMessage(ErrorBanner::Level::Warning,
                                 tr("The run could not be saved in the audit history."),
                                 findings.error().text());
        return report;
    }
    report.run.id = *recorded;
    report.findings = *findings;
    QStringList suppressed;
    for (const Finding& f : report.findings) {
        if (f.status == FindingStatus::Suppressed) {
            suppressed.append(f.checkId);
        }
    }
    report.score = HardeningScore::of(run, m_scan->catalog(), suppressed);
    return report;
}

void AuditPage::showReport()
{
    m_model->setFindings(m_report->ordered());
    const HardeningScore& s = m_report->score;
    m_ui.score->setText(tr("Score: %1/100 (%2 passed, %3 failed, %4 undecided)")
                            .arg(s.score)
                            .arg(s.passed)
                            .arg(s.failed)
                            .arg(s.undecided));
    for (QPushButton* b : {m_ui.exportJson, m_ui.exportSarif, m_ui.exportHtml, m_ui.exportPdf}) {
        b->setEnabled(true);
    }
    m_ui.details->setText(m_model->rowCount() == 0 ? tr("No check failed.")
                                                   : tr("Select a finding to see its evidence."));
}

void AuditPage::showSelection()
{
    const QModelIndex index = m_filter->mapToSource(m_ui.table->currentIndex());
    const Finding* f = m_model->finding(index.row());
    if (f) {
        m_ui.details->setText(detailText(*f, m_scan->catalog().find(f->checkId)));
    }
}

QByteArray AuditPage::render(const AuditReport& report, Format format)
{
    switch (format) {
    case Format::Sarif:
        return SarifReport::render(report);
    case Format::Html:
        return HtmlReport::render(report);
    case Format::Pdf:
        return PdfReport::render(report);
    case Format::Json:
        break;
    }
    return JsonReport::render(report);
}

Result<void> AuditPage::exportReport(Format format, const QString& path) const
{
    if (!m_report) {
        return fail(QStringLiteral("audit.export.none"), tr("There is no report to export yet."),
                    tr("Run a scan first."));
    }
    const QByteArray bytes = render(*m_report, format);
    return SafeFile::write(path, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

void AuditPage::askExport(Format format)
{
    const QString filter = format == Format::Html    ? tr("HTML page (*.html)")
                           : format == Format::Pdf   ? tr("PDF document (*.pdf)")
                           : format == Format::Sarif ? tr("SARIF log (*.sarif)")
                                                     : tr("JSON report (*.json)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the audit report"), {}, filter);
    if (path.isEmpty()) {
        return;
    }
    if (auto ok = exportReport(format, path); !ok) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, ok.error().message, ok.error().hint);
    }
}

void AuditPage::openWizard()
{
    // Non-modal: the admin follows the runbook with the console still usable.
    auto* wizard = new HardeningWizard(m_context, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::NonModal);
    wizard->show();
}

} // namespace raysec::ui
