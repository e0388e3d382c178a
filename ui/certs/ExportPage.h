#pragma once

#include "core/common/Error.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace raysec {
class Database;
}

namespace raysec::ui {

class BundleExportJob;
struct CertDraft;
class SecretLineEdit;

// Wizard step 6: writes a bundle folder per node (ca.crt, tls.crt, tls.key with mode 0600,
// tls.env), optionally a Kubernetes Secret and a PKCS#12 file per node and a truststore with the
// CA alone, then records the certificates in the inventory.
class ExportPage : public QWizardPage
{
    Q_OBJECT

public:
    ExportPage(CertDraft& draft, Database& store, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void exportNow();

    QLineEdit* folderField() const { return m_ui.folder; }
    QCheckBox* kubernetesBox() const { return m_ui.kubernetes; }
    QLineEdit* namespaceField() const { return m_ui.nameSpace; }
    QCheckBox* pkcs12Box() const { return m_ui.pkcs12; }
    SecretLineEdit* passphraseField() const { return m_ui.passphrase; }
    QLabel* passphraseReason() const { return m_ui.passphraseReason; }
    QLineEdit* truststoreField() const { return m_ui.truststore; }
    QPushButton* exportButton() const { return m_ui.exportButton; }
    QLabel* status() const { return m_ui.status; }

Q_SIGNALS:
    void exported();

private:
    struct Ui
    {
        QLineEdit* folder = nullptr;
        QLabel* folderReason = nullptr;
        QCheckBox* kubernetes = nullptr;
        QLineEdit* nameSpace = nullptr;
        QLabel* namespaceReason = nullptr;
        QCheckBox* pkcs12 = nullptr;
        SecretLineEdit* passphrase = nullptr;
        QLabel* passphraseReason = nullptr;
        QLineEdit* truststore = nullptr;
        QLabel* truststoreReason = nullptr;
        QPushButton* exportButton = nullptr;
        QLabel* status = nullptr;
    };

    QWidget* buildFolderRow();
    void revalidate();
    bool checkFolder() const;
    bool checkExtras() const;
    void exportFinished();
    Result<void> recordInventory();

    CertDraft& m_draft;
    Database& m_store;
    BundleExportJob* m_job = nullptr;
    Ui m_ui;
};

} // namespace raysec::ui
