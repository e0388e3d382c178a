#pragma once

#include <QWizard>

#include <memory>

namespace raysec::tls {
class CaStore;
}

namespace raysec::ui {

class CaPage;
struct CertDraft;
class ConsoleContext;
class ExportPage;
class IssuePage;
class KeyTypePage;
class NodesPage;
class ReviewPage;

// The certificate wizard for Ray's mutual TLS: CA, key type and validity, nodes, review of the
// names, issue, export. A thin shell: each step is its own page sharing one CertDraft.
class CertificateWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        Ca,
        KeyType,
        Nodes,
        Review,
        Issue,
        Export
    };

    explicit CertificateWizard(ConsoleContext& context, QWidget* parent = nullptr);
    ~CertificateWizard() override;

    CertDraft& draft() const { return *m_draft; }
    CaPage* caPage() const { return m_ca; }
    KeyTypePage* keyTypePage() const { return m_keyType; }
    NodesPage* nodesPage() const { return m_nodes; }
    ReviewPage* reviewPage() const { return m_review; }
    IssuePage* issuePage() const { return m_issue; }
    ExportPage* exportPage() const { return m_export; }

Q_SIGNALS:
    // Certificates were written and recorded in the inventory.
    void certificatesExported();

private:
    std::unique_ptr<CertDraft> m_draft;
    std::unique_ptr<tls::CaStore> m_store;
    CaPage* m_ca = nullptr;
    KeyTypePage* m_keyType = nullptr;
    NodesPage* m_nodes = nullptr;
    ReviewPage* m_review = nullptr;
    IssuePage* m_issue = nullptr;
    ExportPage* m_export = nullptr;
};

} // namespace raysec::ui
