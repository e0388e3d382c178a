#pragma once

#include "core/common/Error.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace raysec::tls {
class CaStore;
class IssueJob;
} // namespace raysec::tls

namespace raysec::ui {

struct CertDraft;

// Wizard step 5: stores a new CA (its key encrypted, the passphrase in the keychain), then
// issues every node's key and certificate on a worker thread, with progress and a Cancel
// button. The certificates stay in memory until the export step writes them.
class IssuePage : public QWizardPage
{
    Q_OBJECT

public:
    IssuePage(CertDraft& draft, tls::CaStore& store, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    void start();
    void cancel();
    bool isRunning() const;

    QProgressBar* progressBar() const { return m_progress; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* retryButton() const { return m_retry; }
    QLabel* status() const { return m_status; }

Q_SIGNALS:
    void issueFinished();

private:
    void caStored(const Result<void>& saved);
    void startJob();
    void jobFinished();
    QString preflightText() const;
    void setRunning(bool running);

    CertDraft& m_draft;
    tls::CaStore& m_store;
    tls::IssueJob* m_job = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_retry = nullptr;
    QLabel* m_status = nullptr;
    bool m_busy = false;
};

} // namespace raysec::ui
