#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QTableWidget;

namespace raysec {
class CheckCatalog;
}

namespace raysec::ui {

struct HardeningDraft;

// Step 2: every open finding of the scan with a choice of fix (or leaving it open). At least
// one fix must be chosen to go on; the reason shows under the table.
class HardeningFixesPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column
    {
        CheckColumn,
        TitleColumn,
        FixColumn,
        ChoiceColumn
    };

    HardeningFixesPage(HardeningDraft& draft, const CheckCatalog& catalog,
                       QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QTableWidget* table() const { return m_ui.table; }
    // The choice box of a finding, or null.
    QComboBox* choice(const QString& checkId) const;
    QLabel* problem() const { return m_ui.problem; }

private:
    void choose(const QString& checkId, QComboBox* box);
    void showSelection();
    void updateProblem();

    struct Ui
    {
        QTableWidget* table = nullptr;
        QLabel* details = nullptr;
        QLabel* problem = nullptr;
    };
    Ui m_ui;
    HardeningDraft& m_draft;
    const CheckCatalog& m_catalog;
};

} // namespace raysec::ui
