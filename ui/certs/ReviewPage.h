#pragma once

#include <QWizardPage>

class QLabel;
class QTableWidget;

namespace raysec::ui {

struct CertDraft;

// Wizard step 4: the subject alternative names each node's certificate will carry, and the
// SAN preflight: every address a peer dials is checked against them before anything is issued.
class ReviewPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewPage(CertDraft& draft, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QTableWidget* table() const { return m_table; }
    QLabel* preflight() const { return m_preflight; }

private:
    CertDraft& m_draft;
    QTableWidget* m_table = nullptr;
    QLabel* m_preflight = nullptr;
    int m_uncovered = 0;
};

} // namespace raysec::ui
