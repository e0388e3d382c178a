#include "ui/passwords/SavePage.h"

#include "core/common/SafeFile.h"
#include "core/passwords/PasswordText.h"
#include "core/passwords/PolicyRepository.h"
#include "ui/passwords/PolicyDraft.h"
#include "ui/widgets/ErrorBanner.h"

#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

SavePage::SavePage(PolicyDraft& draft, Database& store, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_store(store)
{
    setTitle(tr("Save and export"));
    setSubTitle(tr("Finish saves the policy; new and reset passwords must meet it."));
    m_ui.banner = new ErrorBanner(this);
    m_ui.summary = new QLabel(this);
    m_ui.summary->setTextFormat(Qt::PlainText);
    m_ui.summary->setWordWrap(true);
    m_ui.exportButton = new QPushButton(tr("Export as JSON…"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addWidget(m_ui.summary);
    layout->addWidget(m_ui.exportButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_ui.exportButton, &QPushButton::clicked, this, &SavePage::chooseExportFile);
}

void SavePage::initializePage()
{
    const PasswordPolicy& p = m_draft.policy();
    const QStringList classes = PasswordPolicy::classNames(p.requiredClasses);
    QStringList lines = {
        tr("Preset: %1").arg(PasswordPolicy::presetName(p.preset)),
        tr("Length: %1 to %2 characters").arg(p.minLength).arg(p.maxLength),
        tr("Required classes: %1").arg(classes.isEmpty() ? tr("none") : classes.join(u',')),
        tr("Minimum strength: %1 of 4").arg(p.minScore),
        tr("Context words: %1")
            .arg(p.contextWords.isEmpty() ? tr("none") : p.contextWords.join(u',')),
        p.maxAgeNote(),
        tr("Hashing: Argon2id, %1 MiB, %2 passes")
            .arg(p.hashing.memLimitBytes / HashParameters::MiB)
            .arg(p.hashing.opsLimit)};
    m_ui.summary->setText(lines.join(u'\n'));
}

bool SavePage::validatePage()
{
    PolicyRepository repo(m_store);
    auto ok = repo.migrate();
    if (ok) {
        ok = repo.save(m_draft.policy());
    }
    if (!ok) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, ok.error().message, ok.error().hint);
        return false;
    }
    return true;
}

Result<void> SavePage::exportTo(const QString& path)
{
    return SafeFile::write(path, m_draft.policy().toJson().dump(2) + "\n");
}

void SavePage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the password policy"),
                                                      QStringLiteral("password-policy.json"),
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto ok = exportTo(path); !ok) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, ok.error().message, ok.error().hint);
    } else {
        m_ui.banner->clear();
    }
}

} // namespace raysec::ui
