#include "ui/certs/KeyTypePage.h"

#include "core/tls/CertificateBuilder.h"
#include "ui/certs/CertDraft.h"
#include "ui/certs/FieldReason.h"
#include "ui/certs/KeyTypeLabels.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace raysec::ui {

KeyTypePage::KeyTypePage(CertDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Key type and validity"));
    setSubTitle(tr("Each node gets its own key of this type and one certificate for both sides "
                   "of Ray's mutual TLS."));
    m_keyType = new QComboBox(this);
    fillKeyTypes(m_keyType);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("keyTypeWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_days = new QLineEdit(QString::number(tls::CertificateBuilder::defaultLeafDays), this);
    m_days->setObjectName(QStringLiteral("leafDays"));
    m_daysReason = makeReasonLabel(this, QStringLiteral("leafDays"));

    auto* form = new QFormLayout(this);
    form->addRow(tr("Key type"), m_keyType);
    form->addRow(QString(), m_warning);
    form->addRow(tr("Valid for (days)"), m_days);
    form->addRow(QString(), m_daysReason);
    connect(m_keyType, &QComboBox::currentIndexChanged, this, &KeyTypePage::revalidate);
    connect(m_days, &QLineEdit::textChanged, this, &KeyTypePage::revalidate);
    revalidate();
}

int KeyTypePage::days() const
{
    bool ok = false;
    const int value = m_days->text().trimmed().toInt(&ok);
    return ok ? value : -1;
}

void KeyTypePage::initializePage()
{
    revalidate();
}

void KeyTypePage::revalidate()
{
    const QString warning = tls::keyTypeWarning(selectedKeyType(m_keyType));
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());

    const int value = days();
    const int maximum = tls::CertificateBuilder::maxLeafDays;
    QString reason;
    if (value < 1 || value > maximum) {
        reason =
            tr("Give a whole number of days from 1 to %1; Ray's examples use 365.").arg(maximum);
    } else if (m_draft.ca &&
               QDateTime::currentDateTimeUtc().addDays(value) > m_draft.ca->signer().notAfter()) {
        reason = tr("The CA expires on %1, before these certificates would; choose fewer days.")
                     .arg(QLocale().toString(m_draft.ca->signer().notAfter().toLocalTime(),
                                             QLocale::ShortFormat));
    }
    const bool valid = showReason(m_daysReason, reason);
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT completeChanged();
    }
}

bool KeyTypePage::isComplete() const
{
    return m_valid;
}

bool KeyTypePage::validatePage()
{
    m_draft.settings.keyType = selectedKeyType(m_keyType);
    m_draft.settings.validityDays = days();
    m_draft.clearIssued();
    return true;
}

} // namespace raysec::ui
