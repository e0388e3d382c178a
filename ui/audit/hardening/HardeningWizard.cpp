#include "ui/audit/hardening/HardeningWizard.h"

#include "ui/ConsoleContext.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/hardening/HardeningDraft.h"
#include "ui/audit/hardening/HardeningFixesPage.h"
#include "ui/audit/hardening/HardeningPreviewPage.h"
#include "ui/audit/hardening/HardeningRunbookPage.h"
#include "ui/audit/hardening/HardeningScanPage.h"
#include "ui/audit/hardening/HardeningVerifyPage.h"
#include "ui/audit/hardening/HardeningWritePage.h"

namespace raysec::ui {

HardeningWizard::HardeningWizard(ConsoleContext& context, QWidget* parent)
    : QWizard(parent)
    , m_draft(std::make_unique<HardeningDraft>())
    , m_scan(new AuditScan(context.keychain(), &context.store(), this))
{
    setWindowTitle(tr("Hardening wizard"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    if (context.currentProfile()) {
        m_draft->profile = *context.currentProfile();
    }
    m_scanPage = new HardeningScanPage(*m_draft, *m_scan, this);
    m_fixes = new HardeningFixesPage(*m_draft, m_scan->catalog(), this);
    m_preview = new HardeningPreviewPage(*m_draft, m_scan->advisories(), this);
    m_write = new HardeningWritePage(*m_draft, context, this);
    m_runbook = new HardeningRunbookPage(*m_draft, this);
    m_verify = new HardeningVerifyPage(*m_draft, *m_scan, context, this);
    setPage(Scan, m_scanPage);
    setPage(Fixes, m_fixes);
    setPage(Preview, m_preview);
    setPage(Write, m_write);
    setPage(Runbook, m_runbook);
    setPage(Verify, m_verify);
}

HardeningWizard::~HardeningWizard() = default;

} // namespace raysec::ui
