#pragma once

#include "core/audit/AuditRun.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace raysec::ui {

class AuditScan;
class ErrorBanner;
struct HardeningDraft;

// Step 1: scan the profile's cluster with the Audit page's passive probes, off the GUI thread,
// with progress and cancel. Complete once a scan finished without being cancelled.
class HardeningScanPage : public QWizardPage
{
    Q_OBJECT

public:
    HardeningScanPage(HardeningDraft& draft, AuditScan& scan, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void startScan();
    QPushButton* scanButton() const { return m_ui.scan; }
    QPushButton* cancelButton() const { return m_ui.cancel; }
    QLabel* summary() const { return m_ui.summary; }
    ErrorBanner* banner() const { return m_ui.banner; }

Q_SIGNALS:
    void scanFinished();

private:
    void showProgress(int done, int total, const QString& checkId);
    void ended(const AuditRun& run);
    void failed(const QString& message);
    void setBusy(bool busy);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLabel* profile = nullptr;
        QPushButton* scan = nullptr;
        QPushButton* cancel = nullptr;
        QProgressBar* progress = nullptr;
        QLabel* summary = nullptr;
    };
    Ui m_ui;
    HardeningDraft& m_draft;
    AuditScan& m_scan;
    bool m_mine = false; // the running scan was started here
};

} // namespace raysec::ui
