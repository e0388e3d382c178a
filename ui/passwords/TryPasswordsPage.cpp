#include "ui/passwords/TryPasswordsPage.h"

#include "ui/passwords/PolicyDraft.h"
#include "ui/widgets/SecretLineEdit.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>

namespace raysec::ui {

TryPasswordsPage::TryPasswordsPage(PolicyDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Try passwords"));
    setSubTitle(tr("Type a password to see whether the policy accepts it. Nothing you type here "
                   "is stored."));
    m_ui.user = new QLineEdit(this);
    m_ui.user->setPlaceholderText(tr("Optional: a user name to check against"));
    m_ui.field = new SecretLineEdit(this);
    m_ui.strength = new QProgressBar(this);
    m_ui.strength->setRange(0, 4);
    m_ui.strength->setFormat(tr("strength %v of 4"));
    m_ui.verdict = new QLabel(this);
    m_ui.verdict->setTextFormat(Qt::PlainText);
    m_ui.reasons = new QLabel(this);
    m_ui.reasons->setTextFormat(Qt::PlainText);
    m_ui.reasons->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->addRow(tr("User name"), m_ui.user);
    form->addRow(tr("Password"), m_ui.field);
    form->addRow(tr("Strength"), m_ui.strength);
    form->addRow(QString(), m_ui.verdict);
    form->addRow(QString(), m_ui.reasons);

    connect(m_ui.field, &SecretLineEdit::secretEdited, this, &TryPasswordsPage::check);
    connect(m_ui.user, &QLineEdit::textEdited, this, &TryPasswordsPage::check);
    connect(&m_draft, &PolicyDraft::changed, this, &TryPasswordsPage::check);
}

void TryPasswordsPage::initializePage()
{
    check();
}

void TryPasswordsPage::cleanupPage()
{
    m_ui.field->clearSecret();
}

void TryPasswordsPage::check()
{
    if (m_ui.field->secret().isEmpty()) {
        m_ui.strength->setValue(0);
        m_ui.verdict->setText(tr("Type a password."));
        m_ui.reasons->clear();
        return;
    }
    const QString user = m_ui.user->text().trimmed();
    const PasswordVerdict result = m_draft.checker().check(
        m_ui.field->secret(), user.isEmpty() ? QStringList() : QStringList{user});
    m_ui.strength->setValue(result.strength.score);
    m_ui.verdict->setText((result.accepted() ? tr("Accepted: %1 characters, about 10^%2 guesses.")
                                             : tr("Refused: %1 characters, about 10^%2 guesses."))
                              .arg(result.codePoints)
                              .arg(result.strength.log10Guesses, 0, 'f', 1));
    QStringList lines;
    for (const RefusalReason& r : result.reasons) {
        lines.append(QStringLiteral("• ") + r.message);
    }
    m_ui.reasons->setText(lines.join(u'\n'));
}

} // namespace raysec::ui
