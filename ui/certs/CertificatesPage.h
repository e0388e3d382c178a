#pragma once

#include "core/common/Error.h"
#include "core/tls/CertificateInventory.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace raysec::ui {

class CertificateInventoryModel;
class CertificateRenewal;
class CertificateWizard;
class ConsoleContext;
class ErrorBanner;

// The Certificates page: every certificate Raysec issued, coloured by the time it has left,
// its details, and the actions new certificates (the wizard), export and renew.
class CertificatesPage : public QWidget
{
    Q_OBJECT

public:
    explicit CertificatesPage(ConsoleContext& context, QWidget* parent = nullptr);

    void reload();
    // Opens the wizard (non-modal); the page reloads when it has exported certificates.
    CertificateWizard* openWizard();
    // Writes the selected certificate (a CA: as a truststore) to `path`.
    void exportSelected(const QString& path);
    void renewSelected();
    bool isRenewing() const;

    QTableView* table() const { return m_ui.table; }
    CertificateInventoryModel* model() const { return m_model; }
    QLabel* details() const { return m_ui.details; }
    ErrorBanner* banner() const { return m_ui.banner; }
    // Names the certificates in use that expired or expire within 30 days.
    ErrorBanner* expiryWarning() const { return m_ui.warning; }
    QPushButton* renewButton() const { return m_ui.renew; }

Q_SIGNALS:
    void renewFinished();

private:
    struct Ui
    {
        ErrorBanner* banner = nullptr;
        ErrorBanner* warning = nullptr;
        QTableView* table = nullptr;
        QLabel* details = nullptr;
        QPushButton* create = nullptr;
        QPushButton* exportButton = nullptr;
        QPushButton* renew = nullptr;
    };

    QWidget* buildButtons();
    void showSelection();
    const tls::InventoryEntry* selectedEntry() const;
    void chooseExportPath();
    void renewed();
    void showExpiryWarning();

    ConsoleContext& m_context;
    CertificateInventoryModel* m_model = nullptr;
    CertificateRenewal* m_renewal = nullptr;
    Ui m_ui;
};

} // namespace raysec::ui
