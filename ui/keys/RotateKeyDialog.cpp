#include "ui/keys/RotateKeyDialog.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace raysec::ui {

RotateKeyDialog::RotateKeyDialog(const QString& subject, const QDateTime& now, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Rotate %1").arg(subject));
    auto* intro = new QLabel(tr("A new key replaces %1. The old key keeps working until the end "
                                "of grace, so its users can switch over.")
                                 .arg(subject),
                             this);
    intro->setWordWrap(true);
    m_ui.grace = new QDateTimeEdit(now.addDays(7).toLocalTime(), this);
    m_ui.grace->setCalendarPopup(true);
    m_ui.grace->setMinimumDateTime(now.toLocalTime());
    m_ui.setExpiry = new QCheckBox(tr("New key expires"), this);
    m_ui.expiry = new QDateTimeEdit(now.addDays(90).toLocalTime(), this);
    m_ui.expiry->setCalendarPopup(true);
    m_ui.expiry->setEnabled(false);
    connect(m_ui.setExpiry, &QCheckBox::toggled, m_ui.expiry, &QWidget::setEnabled);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Rotate"));

    auto* form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("Old key works until"), m_ui.grace);
    form->addRow(m_ui.setExpiry, m_ui.expiry);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QDateTime RotateKeyDialog::graceUntil() const
{
    return m_ui.grace->dateTime().toUTC();
}

QDateTime RotateKeyDialog::newExpiry() const
{
    return m_ui.setExpiry->isChecked() ? m_ui.expiry->dateTime().toUTC() : QDateTime();
}

} // namespace raysec::ui
