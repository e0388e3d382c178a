#pragma once

#include "core/keys/KeyManager.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace raysec::ui {

// Asks for what a new key needs: owner, team, description, scopes, validity, rate tier and
// whether to keep the secret in the admin's keychain. Checks are left to KeyManager, whose
// message shows inline.
class IssueKeyDialog : public QDialog
{
    Q_OBJECT

public:
    IssueKeyDialog(const QStringList& teams, const QDateTime& now, QWidget* parent = nullptr);

    KeyRequest request() const;
    void showError(const QString& message);

    QLineEdit* ownerEdit() const { return m_ui.owner; }
    QComboBox* teamEdit() const { return m_ui.team; }
    QCheckBox* scopeBox(int index) const { return m_ui.scopes.value(index); }

private:
    struct Ui
    {
        QLineEdit* owner = nullptr;
        QComboBox* team = nullptr;
        QLineEdit* description = nullptr;
        QList<QCheckBox*> scopes;
        QCheckBox* expires = nullptr;
        QDateTimeEdit* expiry = nullptr;
        QComboBox* tier = nullptr;
        QCheckBox* keychain = nullptr;
        QLabel* error = nullptr;
        QDialogButtonBox* buttons = nullptr;
    };
    Ui m_ui;
};

} // namespace raysec::ui
