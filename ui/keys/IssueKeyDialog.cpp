#include "ui/keys/IssueKeyDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace raysec::ui {

IssueKeyDialog::IssueKeyDialog(const QStringList& teams, const QDateTime& now, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Issue an API key"));
    m_ui.owner = new QLineEdit(this);
    m_ui.team = new QComboBox(this);
    m_ui.team->setEditable(true);
    m_ui.team->addItems(teams);
    m_ui.description = new QLineEdit(this);
    auto* scopes = new QGridLayout;
    for (const QString& scope : KeyScopes::names()) {
        auto* box = new QCheckBox(scope, this);
        scopes->addWidget(box, int(m_ui.scopes.size()) / 3, int(m_ui.scopes.size()) % 3);
        m_ui.scopes << box;
    }
    m_ui.expires = new QCheckBox(tr("Expires"), this);
    m_ui.expires->setChecked(true);
    m_ui.expiry = new QDateTimeEdit(now.addDays(90).toLocalTime(), this);
    m_ui.expiry->setCalendarPopup(true);
    m_ui.expiry->setMinimumDateTime(now.toLocalTime());
    connect(m_ui.expires, &QCheckBox::toggled, m_ui.expiry, &QWidget::setEnabled);
    m_ui.tier = new QComboBox(this);
    m_ui.tier->setEditable(true);
    m_ui.tier->addItems(
        {QStringLiteral("standard"), QStringLiteral("low"), QStringLiteral("high")});
    m_ui.keychain = new QCheckBox(tr("Keep the secret in my keychain (my own service key)"), this);
    m_ui.error = new QLabel(this);
    m_ui.error->setObjectName(QStringLiteral("errorLabel"));
    m_ui.error->setWordWrap(true);
    m_ui.error->hide();
    m_ui.buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ui.buttons->button(QDialogButtonBox::Ok)->setText(tr("Issue"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Owner"), m_ui.owner);
    form->addRow(tr("Team"), m_ui.team);
    form->addRow(tr("Description"), m_ui.description);
    form->addRow(tr("Scopes"), scopes);
    form->addRow(m_ui.expires, m_ui.expiry);
    form->addRow(tr("Rate tier"), m_ui.tier);
    form->addRow(m_ui.keychain);
    form->addRow(m_ui.error);
    form->addRow(m_ui.buttons);
    connect(m_ui.buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui.buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

KeyRequest IssueKeyDialog::request() const
{
    KeyRequest r;
    r.owner = m_ui.owner->text().trimmed();
    r.team = m_ui.team->currentText().trimmed();
    r.description = m_ui.description->text().trimmed();
    for (QCheckBox* box : m_ui.scopes) {
        if (box->isChecked()) {
            r.scopes << box->text();
        }
    }
    if (m_ui.expires->isChecked()) {
        r.expires = m_ui.expiry->dateTime().toUTC();
    }
    r.rateTier = m_ui.tier->currentText().trimmed();
    r.keepInKeychain = m_ui.keychain->isChecked();
    return r;
}

void IssueKeyDialog::showError(const QString& message)
{
    m_ui.error->setText(message);
    m_ui.error->show();
}

} // namespace raysec::ui
