#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace raysec {
class AdvisoryDatabase;
class HardeningJob;
} // namespace raysec

namespace raysec::ui {

class ErrorBanner;
struct HardeningDraft;

// Step 3: what the generators need (head address and names, target Ray version, Kubernetes
// namespace), checked as it is typed; then the files are generated off the GUI thread and
// every one can be previewed. Secret files are listed but their content is never shown.
class HardeningPreviewPage : public QWizardPage
{
    Q_OBJECT

public:
    HardeningPreviewPage(HardeningDraft& draft, const AdvisoryDatabase& advisories,
                         QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void generate();
    QLineEdit* headAddress() const { return m_ui.head; }
    QLineEdit* headNames() const { return m_ui.names; }
    QLineEdit* targetVersion() const { return m_ui.version; }
    QLineEdit* kubeNamespace() const { return m_ui.kubeNamespace; }
    QLabel* problems() const { return m_ui.problems; }
    QPushButton* generateButton() const { return m_ui.generate; }
    QListWidget* files() const { return m_ui.files; }
    QPlainTextEdit* preview() const { return m_ui.preview; }
    ErrorBanner* banner() const { return m_ui.banner; }

Q_SIGNALS:
    void generated();

private:
    QWidget* buildForm();
    void readInputs();
    void generationEnded();
    void showFile(int row);

    struct Ui
    {
        ErrorBanner* banner = nullptr;
        QLineEdit* head = nullptr;
        QLineEdit* names = nullptr;
        QLineEdit* version = nullptr;
        QLineEdit* kubeNamespace = nullptr;
        QLabel* problems = nullptr;
        QPushButton* generate = nullptr;
        QPushButton* cancel = nullptr;
        QProgressBar* progress = nullptr;
        QListWidget* files = nullptr;
        QPlainTextEdit* preview = nullptr;
    };
    Ui m_ui;
    HardeningDraft& m_draft;
    const AdvisoryDatabase& m_advisories;
    HardeningJob* m_job = nullptr;
};

} // namespace raysec::ui
