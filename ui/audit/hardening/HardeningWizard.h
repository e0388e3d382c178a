#pragma once

#include <QWizard>

#include <memory>

namespace raysec::ui {

class AuditScan;
class ConsoleContext;
class HardeningFixesPage;
class HardeningPreviewPage;
class HardeningRunbookPage;
class HardeningScanPage;
class HardeningVerifyPage;
class HardeningWritePage;
struct HardeningDraft;

// The guided hardening wizard: scan the current cluster profile, choose a fix per finding,
// generate and preview the files, write them or apply what the console can, follow the
// runbook, rescan and compare. A thin shell: each step is its own page sharing one draft.
class HardeningWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        Scan,
        Fixes,
        Preview,
        Write,
        Runbook,
        Verify
    };

    explicit HardeningWizard(ConsoleContext& context, QWidget* parent = nullptr);
    ~HardeningWizard() override;

    HardeningDraft& draft() const { return *m_draft; }
    AuditScan* scan() const { return m_scan; }
    HardeningScanPage* scanPage() const { return m_scanPage; }
    HardeningFixesPage* fixesPage() const { return m_fixes; }
    HardeningPreviewPage* previewPage() const { return m_preview; }
    HardeningWritePage* writePage() const { return m_write; }
    HardeningRunbookPage* runbookPage() const { return m_runbook; }
    HardeningVerifyPage* verifyPage() const { return m_verify; }

private:
    std::unique_ptr<HardeningDraft> m_draft;
    AuditScan* m_scan = nullptr;
    HardeningScanPage* m_scanPage = nullptr;
    HardeningFixesPage* m_fixes = nullptr;
    HardeningPreviewPage* m_preview = nullptr;
    HardeningWritePage* m_write = nullptr;
    HardeningRunbookPage* m_runbook = nullptr;
    HardeningVerifyPage* m_verify = nullptr;
};

} // namespace raysec::ui
