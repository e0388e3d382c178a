#pragma once

#include "core/common/SecretBuffer.h"
#include "core/passwords/DashboardUser.h"
#include "core/passwords/PasswordChecker.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace raysec::ui {

class SecretLineEdit;

// Asks for a new dashboard user (name, role, password twice) or for a new password of an
// existing user, checking the password against the policy while it is typed. OK is enabled
// only when the policy accepts it and both fields match.
class UserPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    // An empty `existingUser` asks for a new user; otherwise for that user's new password.
    UserPasswordDialog(PasswordChecker checker, const QString& existingUser,
                       QWidget* parent = nullptr);

    QString userName() const;
    UserRole role() const;
    // Hands over the password and empties both fields.
    SecretBuffer takePassword();

    QLineEdit* nameField() const { return m_ui.name; }
    SecretLineEdit* passwordField() const { return m_ui.password; }
    SecretLineEdit* repeatField() const { return m_ui.repeat; }
    QLabel* feedback() const { return m_ui.feedback; }
    QDialogButtonBox* buttons() const { return m_ui.buttons; }

private:
    void check();

    struct Ui
    {
        QLineEdit* name = nullptr;
        QComboBox* role = nullptr;
        SecretLineEdit* password = nullptr;
        SecretLineEdit* repeat = nullptr;
        QLabel* feedback = nullptr;
        QDialogButtonBox* buttons = nullptr;
    };
    PasswordChecker m_checker;
    Ui m_ui;
};

} // namespace raysec::ui
