#pragma once

#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QDialog>
#include <QHash>
#include <QSet>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace raysec {
class Database;
class Keychain;
} // namespace raysec

namespace raysec::ui {

class ErrorBanner;
class ProfileSaver;
class SecretLineEdit;

// Adds or edits a cluster profile. Every field is checked as it is edited, with the reason shown
// right under it; plain http gets a visible warning. The token is typed once into a masked
// field that feeds a SecretBuffer, stored in the keychain, and only then is the profile saved.
class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(Database& store, Keychain& keychain, std::optional<ClusterProfile> existing,
                  QWidget* parent = nullptr);

    const ClusterProfile& savedProfile() const { return m_saved; }

    // The reason shown under a field ("name", "url", "caBundle", "pin", "clientCert", "token",
    // "refresh"), empty when the field is fine.
    QString fieldError(const QString& field) const;
    bool plainHttpWarningShown() const;
    QString bannerText() const;

    void accept() override;

private:
    void buildUi();
    QWidget* fieldRow(QWidget* editor, const QString& field, QWidget* extra = nullptr);
    QWidget* fileRow(QLineEdit* edit, const QString& field, const QString& dialogTitle);
    void addRow(const QString& label, QWidget* editor, QWidget* row);
    void loadProfile(const ClusterProfile& profile);
    ClusterProfile profileFromForm() const;
    QList<ClusterProfile::FieldError> formErrors() const;
    void revalidate();
    void updateVisibility();
    void setBusy(bool busy);
    void showSaveFailure(const Error& error);

    struct Ui
    {
        QFormLayout* form = nullptr;
        ErrorBanner* banner = nullptr;
        QLineEdit* name = nullptr;
        QLineEdit* url = nullptr;
        QLabel* httpWarning = nullptr;
        QComboBox* trust = nullptr;
        QLineEdit* caBundle = nullptr;
        QLineEdit* pin = nullptr;
        QLineEdit* clientCert = nullptr;
        QLineEdit* clientKey = nullptr;
        QComboBox* auth = nullptr;
        SecretLineEdit* token = nullptr;
        QSpinBox* refresh = nullptr;
        QDialogButtonBox* buttons = nullptr;
    };
    Ui m_ui;
    QHash<QString, QLabel*> m_errorLabels;
    QSet<QString> m_touched;
    Database& m_store;
    Keychain& m_keychain;
    std::optional<ClusterProfile> m_existing;
    ClusterProfile m_saved;
    ProfileSaver* m_saver = nullptr;
};

} // namespace raysec::ui
