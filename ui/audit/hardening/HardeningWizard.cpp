#include "ui/audit/hardening/HardeningWizard.h"

#include "ui/ConsoleContext.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/hardening/HardeningFixesPage.h"
#include "ui/audit/hardening/HardeningPreviewPage.h"
#include "ui/audit/hardening/HardeningRunbookPage.h"
#include "ui/audit/hardening/HardeningScanPage.h"
#include "ui/audit/hardening/HardeningSession.h"
#include "ui/audit/hardening/HardeningVerifyPage.h"
#include "ui/audit/hardening/HardeningWritePage.h"

namespace raysec::ui {

HardeningWizard::HardeningWizard(ConsoleContext& context, QWidget* parent)
    : QWizard(parent)
    , m_session(std::make_unique<HardeningSession>())
    , m_scan(new AuditScan(context.keychain(), &context.store(), this))
{
    setWindowTitle(tr("Hardening wizard"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    if (context.currentProfile()) {
        m_session->profile = *context.currentProfile();
    }
    m_scanPage = new HardeningScanPage(*m_session, *m_scan, this);
    m_fixes = new HardeningFixesPage(*m_session, m_scan->catalog(), this);
    m_preview = new HardeningPreviewPage(*m_session, m_scan->advisories(), this);
    m_write = new HardeningWritePage(*m_session, context, this);
    m_runbook = new HardeningRunbookPage(*m_session, this);
    m_verify = new HardeningVerifyPage(*m_session, *m_scan, context, this);
    setPage(Scan, m_scanPage);
    setPage(Fixes, m_fixes);
    setPage(Preview, m_preview);
    setPage(Write, m_write);
    setPage(Runbook, m_runbook);
    setPage(Verify, m_verify);
}

HardeningWizard::~HardeningWizard() = default;

} // namespace raysec::ui
