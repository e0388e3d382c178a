#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace raysec::tls {
class CaStore;
}

namespace raysec::ui {

struct CertDraft;
class SecretLineEdit;

// Wizard step 1: make a new CA (a self-signed root) or import one from PEM files, its key
// possibly encrypted with a passphrase. Every field says next to it why it is refused.
class CaPage : public QWizardPage
{
    Q_OBJECT

public:
    CaPage(CertDraft& draft, tls::CaStore& store, QWidget* parent = nullptr);

    bool isComplete() const override;
    bool validatePage() override;

    QRadioButton* newChoice() const { return m_ui.create; }
    QRadioButton* importChoice() const { return m_ui.import; }
    QLineEdit* nameField() const { return m_ui.name; }
    QLineEdit* commonNameField() const { return m_ui.commonName; }
    QLineEdit* daysField() const { return m_ui.days; }
    QComboBox* keyTypeBox() const { return m_ui.keyType; }
    QLineEdit* chainField() const { return m_ui.chain; }
    QLineEdit* keyField() const { return m_ui.key; }
    SecretLineEdit* passphraseField() const { return m_ui.passphrase; }
    QLabel* resultLabel() const { return m_ui.result; }

private:
    struct Ui
    {
        QRadioButton* create = nullptr;
        QRadioButton* import = nullptr;
        QLineEdit* name = nullptr;
        QLineEdit* commonName = nullptr;
        QLineEdit* days = nullptr;
        QComboBox* keyType = nullptr;
        QLineEdit* chain = nullptr;
        QLineEdit* key = nullptr;
        SecretLineEdit* passphrase = nullptr;
        QLabel* nameReason = nullptr;
        QLabel* commonNameReason = nullptr;
        QLabel* daysReason = nullptr;
        QLabel* chainReason = nullptr;
        QLabel* keyReason = nullptr;
        QLabel* result = nullptr;
        QWidget* newBox = nullptr;
        QWidget* importBox = nullptr;
    };

    QWidget* buildNewBox();
    QWidget* buildImportBox();
    QWidget* fileRow(QLineEdit* edit, const QString& title);
    void revalidate();
    bool checkName() const;
    bool checkNew() const;
    bool checkImport() const;
    bool createCa();
    bool importCa();

    CertDraft& m_draft;
    tls::CaStore& m_store;
    Ui m_ui;
    bool m_valid = false;
};

} // namespace raysec::ui
