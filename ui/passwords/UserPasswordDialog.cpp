#include "ui/passwords/UserPasswordDialog.h"

#include "ui/widgets/SecretLineEdit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace raysec::ui {

UserPasswordDialog::UserPasswordDialog(PasswordChecker checker, const QString& existingUser,
                                       QWidget* parent)
    : QDialog(parent)
    , m_checker(std::move(checker))
{
    setWindowTitle(existingUser.isEmpty() ? tr("Add a dashboard user")
                                          : tr("New password for %1").arg(existingUser));
    m_ui.name = new QLineEdit(existingUser, this);
    m_ui.name->setReadOnly(!existingUser.isEmpty());
    m_ui.role = new QComboBox(this);
    for (UserRole r : {UserRole::Viewer, UserRole::Operator, UserRole::Admin}) {
        m_ui.role->addItem(DashboardUser::roleName(r), int(r));
    }
    m_ui.role->setVisible(existingUser.isEmpty());
    m_ui.password = new SecretLineEdit(this);
    m_ui.repeat = new SecretLineEdit(this);
    m_ui.feedback = new QLabel(this);
    m_ui.feedback->setTextFormat(Qt::PlainText);
    m_ui.feedback->setWordWrap(true);
    m_ui.buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto* form = new QFormLayout(this);
    form->addRow(tr("User name"), m_ui.name);
    if (existingUser.isEmpty()) {
        form->addRow(tr("Role"), m_ui.role);
    }
    form->addRow(tr("Password"), m_ui.password);
    form->addRow(tr("Repeat"), m_ui.repeat);
    form->addRow(m_ui.feedback);
    form->addRow(m_ui.buttons);

    connect(m_ui.buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui.buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui.name, &QLineEdit::textEdited, this, &UserPasswordDialog::check);
    connect(m_ui.password, &SecretLineEdit::secretEdited, this, &UserPasswordDialog::check);
    connect(m_ui.repeat, &SecretLineEdit::secretEdited, this, &UserPasswordDialog::check);
    check();
}

QString UserPasswordDialog::userName() const
{
    return m_ui.name->text().trimmed();
}

UserRole UserPasswordDialog::role() const
{
    return UserRole(m_ui.role->currentData().toInt());
}

SecretBuffer UserPasswordDialog::takePassword()
{
    m_ui.repeat->clearSecret();
    return m_ui.password->takeSecret();
}

void UserPasswordDialog::check()
{
    QStringList problems;
    if (auto ok = DashboardUser::validateName(userName()); !ok) {
        problems.append(ok.error().message);
    }
    const PasswordVerdict result = m_checker.check(m_ui.password->secret(), {userName()});
    for (const RefusalReason& r : result.reasons) {
        problems.append(r.message);
    }
    if (!m_ui.password->secret().equals(m_ui.repeat->secret())) {
        problems.append(tr("The two passwords differ."));
    }
    m_ui.feedback->setText(problems.isEmpty()
                               ? tr("Accepted: strength %1 of 4.").arg(result.strength.score)
                               : problems.join(u'\n'));
    m_ui.buttons->button(QDialogButtonBox::Ok)->setEnabled(problems.isEmpty());
}

} // namespace raysec::ui
