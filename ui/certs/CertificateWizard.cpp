#include "ui/certs/CertificateWizard.h"

#include "core/tls/CaStore.h"
#include "ui/ConsoleContext.h"
#include "ui/certs/CaPage.h"
#include "ui/certs/CertDraft.h"
#include "ui/certs/ExportPage.h"
#include "ui/certs/IssuePage.h"
#include "ui/certs/KeyTypePage.h"
#include "ui/certs/NodesPage.h"
#include "ui/certs/ReviewPage.h"

namespace raysec::ui {

CertificateWizard::CertificateWizard(ConsoleContext& context, QWidget* parent)
    : QWizard(parent)
    , m_draft(std::make_unique<CertDraft>())
    , m_store(std::make_unique<tls::CaStore>(context.keychain()))
{
    setWindowTitle(tr("New certificates for Ray"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    m_ca = new CaPage(*m_draft, *m_store, this);
    m_keyType = new KeyTypePage(*m_draft, this);
    m_nodes = new NodesPage(*m_draft, context, this);
    m_review = new ReviewPage(*m_draft, this);
    m_issue = new IssuePage(*m_draft, *m_store, this);
    m_export = new ExportPage(*m_draft, context.store(), this);
    setPage(Ca, m_ca);
    setPage(KeyType, m_keyType);
    setPage(Nodes, m_nodes);
    setPage(Review, m_review);
    setPage(Issue, m_issue);
    setPage(Export, m_export);
    connect(m_export, &ExportPage::exported, this, &CertificateWizard::certificatesExported);
}

CertificateWizard::~CertificateWizard() = default;

} // namespace raysec::ui
