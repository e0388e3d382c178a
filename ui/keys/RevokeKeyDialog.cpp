#include "ui/keys/RevokeKeyDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace raysec::ui {

RevokeKeyDialog::RevokeKeyDialog(const QString& subject, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Revoke %1").arg(subject));
    auto* intro = new QLabel(tr("Revoking %1 takes effect as soon as the gateway loads the next "
                                "registry export. It cannot be undone.")
                                 .arg(subject),
                             this);
    intro->setWordWrap(true);
    m_reason = new QLineEdit(this);
    m_reason->setPlaceholderText(tr("for example: laptop lost"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_revoke = buttons->button(QDialogButtonBox::Ok);
    m_revoke->setText(tr("Revoke"));
    m_revoke->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_revoke->setEnabled(!text.trimmed().isEmpty()); });

    auto* form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("Reason"), m_reason);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString RevokeKeyDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace raysec::ui
