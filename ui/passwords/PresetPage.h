#pragma once

#include <QWizardPage>

class QButtonGroup;

namespace raysec::ui {

class PolicyDraft;

// Wizard step 1: start from NIST SP 800-63B-4 (alone or with a second factor), the
// organisation preset with character classes, or a custom policy.
class PresetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit PresetPage(PolicyDraft& draft, QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    QButtonGroup* choices() const { return m_choices; }

private:
    PolicyDraft& m_draft;
    QButtonGroup* m_choices = nullptr;
};

} // namespace raysec::ui
