#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace raysec::ui {

class PolicyDraft;
class SecretLineEdit;

// Wizard step 3: type passwords into a masked field and see, while typing, whether the policy
// accepts them, their zxcvbn strength and every reason for a refusal. Nothing typed is kept.
class TryPasswordsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit TryPasswordsPage(PolicyDraft& draft, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;

    SecretLineEdit* field() const { return m_ui.field; }
    QProgressBar* strength() const { return m_ui.strength; }
    QLabel* verdict() const { return m_ui.verdict; }
    QLabel* reasons() const { return m_ui.reasons; }

private:
    void check();

    struct Ui
    {
        QLineEdit* user = nullptr;
        SecretLineEdit* field = nullptr;
        QProgressBar* strength = nullptr;
        QLabel* verdict = nullptr;
        QLabel* reasons = nullptr;
    };
    PolicyDraft& m_draft;
    Ui m_ui;
};

} // namespace raysec::ui
