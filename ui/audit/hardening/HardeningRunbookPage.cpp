#include "ui/audit/hardening/HardeningRunbookPage.h"

#include "ui/audit/hardening/HardeningDraft.h"

#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace raysec::ui {

HardeningRunbookPage::HardeningRunbookPage(HardeningDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Follow the runbook"));
    setSubTitle(tr("Do these steps on the cluster in order, then go on to rescan."));
    m_where = new QLabel(this);
    m_where->setTextFormat(Qt::PlainText);
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(m_text, 1);
}

void HardeningRunbookPage::initializePage()
{
    const FixArtefact* runbook =
        m_draft.output ? m_draft.output->find(QString::fromLatin1(HardeningOutput::runbookFileName))
                       : nullptr;
    m_text->setPlainText(runbook ? QString::fromUtf8(runbook->content) : QString());
    m_where->setText(
        m_draft.folder.isEmpty()
            ? tr("The files were not written; go back to write them.")
            : tr("The runbook is also in %1.")
                  .arg(QDir(m_draft.folder)
                           .filePath(QString::fromLatin1(HardeningOutput::runbookFileName))));
}

} // namespace raysec::ui
