#pragma once

#include "core/audit/AuditRun.h"
#include "core/store/ClusterProfile.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace raysec::ui {

class AuditScan;
class ConsoleContext;
class ErrorBanner;
struct HardeningDraft;

// Step 6: once the runbook is done, rescan (the dashboard address and CA bundle may have
// changed: TLS or the gateway in front) and show the before/after report.
class HardeningVerifyPage : public QWizardPage
{
    Q_OBJECT

public:
    HardeningVerifyPage(HardeningDraft& draft, AuditScan& scan, ConsoleContext& context,
                        QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void rescan();
    QLineEdit* dashboardUrl() const { return m_ui.url; }
    QLineEdit* caBundle() const { return m_ui.ca; }
    QLabel* problems() const { return m_ui.problems; }
    QPushButton* rescanButton() const { return m_ui.rescan; }
    QPlainTextEdit* report() const { return m_ui.report; }
    ErrorBanner* banner() const { return m_ui.banner; }

Q_SIGNALS:
    void rescanFinished();

private:
    QWidget* buildForm();
    ClusterProfile editedProfile() const;
    void checkFields();
    void ended(const AuditRun& run);
    void failed(const QString& message);
    void setBusy(bool busy);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLineEdit* url = nullptr;
        QLineEdit* ca = nullptr;
        QLabel* problems = nullptr;
        QPushButton* rescan = nullptr;
        QPushButton* cancel = nullptr;
        QProgressBar* progress = nullptr;
        QPlainTextEdit* report = nullptr;
    };
    Ui m_ui;
    HardeningDraft& m_draft;
    AuditScan& m_scan;
    ConsoleContext& m_context;
    bool m_mine = false;
};

} // namespace raysec::ui
