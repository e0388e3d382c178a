#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;

namespace raysec::ui {

struct CertDraft;

// Wizard step 2: the node keys' algorithm (ECDSA P-256 by default, with a visible caution for
// Ed25519) and how many days the node certificates are valid.
class KeyTypePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit KeyTypePage(CertDraft& draft, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QComboBox* keyTypeBox() const { return m_keyType; }
    QLabel* warningLabel() const { return m_warning; }
    QLineEdit* daysField() const { return m_days; }
    QLabel* daysReason() const { return m_daysReason; }

private:
    void revalidate();
    int days() const;

    CertDraft& m_draft;
    QComboBox* m_keyType = nullptr;
    QLabel* m_warning = nullptr;
    QLineEdit* m_days = nullptr;
    QLabel* m_daysReason = nullptr;
    bool m_valid = false;
};

} // namespace raysec::ui
