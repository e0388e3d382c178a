#include "ui/passwords/AdjustPage.h"

#include "core/passwords/PasswordText.h"
#include "ui/passwords/PolicyDraft.h"
#include "ui/widgets/ErrorBanner.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

constexpr unsigned classBits[4] = {PasswordText::Lower, PasswordText::Upper, PasswordText::Digit,
                                   PasswordText::Symbol};

QSpinBox* spinBox(int minimum, int maximum, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    return box;
}

} // namespace

AdjustPage::AdjustPage(PolicyDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Adjust the policy"));
    setSubTitle(tr("Lengths count characters as a person sees them (Unicode code points)."));
    buildUi();
}

void AdjustPage::buildUi()
{
    m_ui.minLength = spinBox(1, PasswordPolicy::hardMaximumLength, this);
    m_ui.maxLength = spinBox(1, PasswordPolicy::hardMaximumLength, this);
    m_ui.minScore = spinBox(0, 4, this);
    m_ui.maxAge = spinBox(0, 3650, this);
    m_ui.maxAge->setSpecialValueText(tr("never"));
    m_ui.bundled = new QCheckBox(tr("Bundled list of common passwords"), this);
    m_ui.imported = new QCheckBox(tr("Lists imported by the administrator"), this);
    m_ui.hibpFile = new QLineEdit(this);
    m_ui.hibpFile->setPlaceholderText(tr("Optional: offline HIBP SHA-1 file"));
    m_ui.contextWords = new QLineEdit(this);
    m_ui.contextWords->setPlaceholderText(tr("cluster name, organisation, ... (comma separated)"));
    m_ui.maxAgeNote = new QLabel(this);
    m_ui.maxAgeNote->setWordWrap(true);
    m_ui.maxAgeNote->setTextFormat(Qt::PlainText);
    m_ui.banner = new ErrorBanner(this);

    auto* classes = new QHBoxLayout;
    const QString names[4] = {tr("lower case"), tr("upper case"), tr("digit"), tr("symbol")};
    for (int i = 0; i < 4; ++i) {
        m_ui.classes[i] = new QCheckBox(names[i], this);
        classes->addWidget(m_ui.classes[i]);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("Minimum length"), m_ui.minLength);
    form->addRow(tr("Maximum length"), m_ui.maxLength);
    form->addRow(tr("Required classes"), classes);
    form->addRow(tr("Minimum strength (0-4)"), m_ui.minScore);
    form->addRow(tr("Blocklists"), m_ui.bundled);
    form->addRow(QString(), m_ui.imported);
    form->addRow(tr("Breached passwords"), m_ui.hibpFile);
    form->addRow(tr("Context words"), m_ui.contextWords);
    form->addRow(tr("Maximum age (days)"), m_ui.maxAge);
    form->addRow(QString(), m_ui.maxAgeNote);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addLayout(form);

    for (QSpinBox* box : {m_ui.minLength, m_ui.maxLength, m_ui.minScore, m_ui.maxAge}) {
        connect(box, &QSpinBox::valueChanged, this, &AdjustPage::applyFields);
    }
    for (QCheckBox* box : {m_ui.classes[0], m_ui.classes[1], m_ui.classes[2], m_ui.classes[3],
                           m_ui.bundled, m_ui.imported}) {
        connect(box, &QCheckBox::toggled, this, &AdjustPage::applyFields);
    }
    for (QLineEdit* edit : {m_ui.hibpFile, m_ui.contextWords}) {
        connect(edit, &QLineEdit::textEdited, this, &AdjustPage::applyFields);
    }
}

void AdjustPage::initializePage()
{
    const PasswordPolicy& p = m_draft.policy();
    m_loading = true;
    m_ui.minLength->setValue(p.minLength);
    m_ui.maxLength->setValue(p.maxLength);
    for (int i = 0; i < 4; ++i) {
        m_ui.classes[i]->setChecked(p.requiredClasses & classBits[i]);
    }
    m_ui.minScore->setValue(p.minScore);
    m_ui.bundled->setChecked(p.bundledBlocklist);
    m_ui.imported->setChecked(p.importedBlocklist);
    m_ui.hibpFile->setText(p.hibpFile);
    m_ui.contextWords->setText(p.contextWords.join(QStringLiteral(", ")));
    m_ui.maxAge->setValue(p.maxAgeDays);
    m_loading = false;
    applyFields();
}

void AdjustPage::applyFields()
{
    if (m_loading) {
        return;
    }
    PasswordPolicy p = m_draft.policy();
    p.minLength = m_ui.minLength->value();
    p.maxLength = m_ui.maxLength->value();
    p.requiredClasses = 0;
    for (int i = 0; i < 4; ++i) {
        p.requiredClasses |= m_ui.classes[i]->isChecked() ? classBits[i] : 0;
    }
    p.minScore = m_ui.minScore->value();
    p.bundledBlocklist = m_ui.bundled->isChecked();
    p.importedBlocklist = m_ui.imported->isChecked();
    p.hibpFile = m_ui.hibpFile->text().trimmed();
    p.contextWords.clear();
    for (const QString& word : m_ui.contextWords->text().split(u',', Qt::SkipEmptyParts)) {
        if (!word.trimmed().isEmpty()) {
            p.contextWords.append(word.trimmed());
        }
    }
    p.maxAgeDays = m_ui.maxAge->value();
    m_ui.maxAgeNote->setText(p.maxAgeNote());

    const auto ok = p.validated();
    m_valid = bool(ok);
    if (ok) {
        m_ui.banner->clear();
        m_draft.setPolicy(p);
    } else {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, ok.error().message, ok.error().hint);
    }
    Q_EMIT completeChanged();
}

bool AdjustPage::isComplete() const
{
    return m_valid;
}

} // namespace raysec::ui
