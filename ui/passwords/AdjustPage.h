#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace raysec::ui {

class ErrorBanner;
class PolicyDraft;

// Wizard step 2: every field of the policy. Each change is validated at once; a policy that is
// not valid (such as a "NIST" policy with composition rules) shows why and cannot go on.
class AdjustPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit AdjustPage(PolicyDraft& draft, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QSpinBox* minLength() const { return m_ui.minLength; }
    QCheckBox* classBox(int index) const { return m_ui.classes[index]; }
    ErrorBanner* banner() const { return m_ui.banner; }

private:
    void buildUi();
    void applyFields();

    struct Ui
    {
        QSpinBox* minLength = nullptr;
        QSpinBox* maxLength = nullptr;
        QCheckBox* classes[4] = {};
        QSpinBox* minScore = nullptr;
        QCheckBox* bundled = nullptr;
        QCheckBox* imported = nullptr;
        QLineEdit* hibpFile = nullptr;
        QLineEdit* contextWords = nullptr;
        QSpinBox* maxAge = nullptr;
        QLabel* maxAgeNote = nullptr;
        ErrorBanner* banner = nullptr;
    };
    PolicyDraft& m_draft;
    Ui m_ui;
    bool m_valid = true;
    bool m_loading = false;
};

} // namespace raysec::ui
