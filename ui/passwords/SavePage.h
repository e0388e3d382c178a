#pragma once

#include "core/common/Error.h"

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace raysec {
class Database;
}

namespace raysec::ui {

class ErrorBanner;
class PolicyDraft;

// Wizard step 5: review the policy, save it to the store (Finish) and, if wanted, export it as
// JSON for another workstation or for review.
class SavePage : public QWizardPage
{
    Q_OBJECT

public:
    SavePage(PolicyDraft& draft, Database& store, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

    // Writes the policy JSON to `path`; the export button asks for the path first.
    Result<void> exportTo(const QString& path);
    QLabel* summary() const { return m_ui.summary; }
    ErrorBanner* banner() const { return m_ui.banner; }

private:
    void chooseExportFile();

    struct Ui
    {
        QLabel* summary = nullptr;
        QPushButton* exportButton = nullptr;
        ErrorBanner* banner = nullptr;
    };
    PolicyDraft& m_draft;
    Database& m_store;
    Ui m_ui;
};

} // namespace raysec::ui
