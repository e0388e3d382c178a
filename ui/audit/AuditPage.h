#pragma once

#include "core/audit/AuditReport.h"
#include "core/common/Error.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace raysec::ui {

class AuditScan;
class ConsoleContext;
class ErrorBanner;
class FindingsFilterModel;
class FindingsModel;

// The Audit page: scans the selected cluster profile with passive probes off the GUI thread
// (progress, cancel), lists the findings with their evidence and fix, filters them, shows the
// hardening score, exports JSON, SARIF and HTML reports and opens the hardening wizard.
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    enum class Format
    {
        Json,
        Sarif,
        Html,
        Pdf
    };

    explicit AuditPage(ConsoleContext& context, QWidget* parent = nullptr);
    ~AuditPage() override;

    AuditScan* scan() const { return m_scan; }
    FindingsModel* model() const { return m_model; }
    FindingsFilterModel* filter() const { return m_filter; }
    QTableView* table() const { return m_ui.table; }
    ErrorBanner* banner() const { return m_ui.banner; }
    QPushButton* scanButton() const { return m_ui.scan; }
    QPushButton* cancelButton() const { return m_ui.cancel; }
    QPushButton* wizardButton() const { return m_ui.wizard; }
    QProgressBar* progress() const { return m_ui.progress; }
    QLabel* score() const { return m_ui.score; }
    QLabel* details() const { return m_ui.details; }
    QComboBox* severityFilter() const { return m_ui.severity; }
    QCheckBox* openOnly() const { return m_ui.openOnly; }
    QLineEdit* textFilter() const { return m_ui.text; }
    const std::optional<AuditReport>& report() const { return m_report; }

    void startScan();
    // Writes the current report; the export buttons ask for the path first.
    Result<void> exportReport(Format format, const QString& path) const;
    static QByteArray render(const AuditReport& report, Format format);

Q_SIGNALS:
    void scanFinished();

private:
    void buildUi();
    QWidget* buildToolbar();
    QWidget* buildFilters();
    QWidget* buildExports();
    void applyFilters();
    void showProfile();
    void showProgress(int done, int total, const QString& checkId);
    void scanEnded(const AuditRun& run);
    void scanFailed(const QString& message);
    AuditReport reportFor(const AuditRun& run);
    void showReport();
    void showSelection();
    void askExport(Format format);
    void openWizard();
    void setBusy(bool busy);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLabel* profile = nullptr;
        QPushButton* scan = nullptr;
        QPushButton* cancel = nullptr;
        QProgressBar* progress = nullptr;
        QLabel* score = nullptr;
        QComboBox* severity = nullptr;
        QCheckBox* openOnly = nullptr;
        QLineEdit* text = nullptr;
        QTableView* table = nullptr;
        QLabel* details = nullptr;
        QPushButton* exportJson = nullptr;
        QPushButton* exportSarif = nullptr;
        QPushButton* exportHtml = nullptr;
        QPushButton* exportPdf = nullptr;
        QPushButton* wizard = nullptr;
    };
    Ui m_ui;
    ConsoleContext& m_context;
    AuditScan* m_scan = nullptr;
    FindingsModel* m_model = nullptr;
    FindingsFilterModel* m_filter = nullptr;
    std::optional<AuditReport> m_report;
};

} // namespace raysec::ui
