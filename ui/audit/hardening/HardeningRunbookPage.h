#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;

namespace raysec::ui {

struct HardeningDraft;

// Step 5: the remaining manual steps in order (RUNBOOK.md, also in the written folder): copy the
// files, configure, stop, upgrade, start, clients. The next page rescans once they are done.
class HardeningRunbookPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit HardeningRunbookPage(HardeningDraft& draft, QWidget* parent = nullptr);

    void initializePage() override;
    QPlainTextEdit* text() const { return m_text; }

private:
    HardeningDraft& m_draft;
    QLabel* m_where = nullptr;
    QPlainTextEdit* m_text = nullptr;
};

} // namespace raysec::ui
