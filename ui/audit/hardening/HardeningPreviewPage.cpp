#include "ui/audit/hardening/HardeningPreviewPage.h"

#include "core/audit/AdvisoryDatabase.h"
#include "core/audit/fixes/HardeningJob.h"
#include "core/tls/NodeEntry.h"
#include "ui/audit/hardening/HardeningDraft.h"
#include "ui/widgets/ErrorBanner.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace raysec::ui {

HardeningPreviewPage::HardeningPreviewPage(HardeningDraft& draft,
                                           const AdvisoryDatabase& advisories, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_advisories(advisories)
    , m_job(new HardeningJob(this))
{
    setTitle(tr("Generate and preview the files"));
    setSubTitle(tr("Check the cluster's details, generate, then read every file before it is "
                   "written."));
    m_ui.banner = new ErrorBanner(this);
    m_ui.files = new QListWidget(this);
    m_ui.preview = new QPlainTextEdit(this);
    m_ui.preview->setReadOnly(true);
    m_ui.preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_ui.files);
    splitter->addWidget(m_ui.preview);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addWidget(buildForm());
    layout->addWidget(splitter, 1);
    connect(m_ui.files, &QListWidget::currentRowChanged, this, &HardeningPreviewPage::showFile);
    connect(m_job, &HardeningJob::finished, this, &HardeningPreviewPage::generationEnded);
}

QWidget* HardeningPreviewPage::buildForm()
{
    auto* form = new QWidget(this);
    m_ui.head = new QLineEdit(form);
    m_ui.head->setPlaceholderText(tr("IP address the nodes dial, such as 10.0.0.5"));
    m_ui.names = new QLineEdit(form);
    m_ui.names->setPlaceholderText(tr("Optional, comma-separated: ray-head.example.com"));
    m_ui.version = new QLineEdit(form);
    m_ui.kubeNamespace = new QLineEdit(QStringLiteral("ray"), form);
    m_ui.problems = new QLabel(form);
    m_ui.problems->setTextFormat(Qt::PlainText);
    m_ui.problems->setWordWrap(true);
    m_ui.problems->setObjectName(QStringLiteral("fieldProblem"));
    m_ui.generate = new QPushButton(tr("Generate"), form);
    m_ui.cancel = new QPushButton(tr("Cancel"), form);
    m_ui.cancel->setEnabled(false);
    m_ui.progress = new QProgressBar(form);
    m_ui.progress->setRange(0, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_ui.generate);
    buttons->addWidget(m_ui.cancel);
    buttons->addWidget(m_ui.progress, 1);
    auto* layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Head address"), m_ui.head);
    layout->addRow(tr("Head host names"), m_ui.names);
    layout->addRow(tr("Upgrade Ray to"), m_ui.version);
    layout->addRow(tr("Kubernetes namespace"), m_ui.kubeNamespace);
    layout->addRow(m_ui.problems);
    layout->addRow(buttons);
    for (QLineEdit* edit : {m_ui.head, m_ui.names, m_ui.version, m_ui.kubeNamespace}) {
        connect(edit, &QLineEdit::textEdited, this, &HardeningPreviewPage::readInputs);
    }
    connect(m_ui.generate, &QPushButton::clicked, this, &HardeningPreviewPage::generate);
    connect(m_ui.cancel, &QPushButton::clicked, m_job, &HardeningJob::cancel);
    return form;
}

void HardeningPreviewPage::initializePage()
{
    if (m_ui.head->text().isEmpty()) {
        const QString host = m_draft.profile.dashboardUrl.host();
        m_ui.head->setText(tls::isValidIpAddress(host) ? host : QString());
    }
    const QString rayVersion = m_draft.before ? m_draft.before->rayVersion : QString();
    if (m_ui.version->text().isEmpty()) {
        m_ui.version->setText(HardeningInputs::minimumFixedVersion(m_advisories, rayVersion));
    }
    readInputs();
}

// Reads the fields into the draft's inputs and shows every problem next to the form; any
// edit makes earlier generated files stale.
void HardeningPreviewPage::readInputs()
{
    HardeningInputs& in = m_draft.inputs;
    in.profile = m_draft.profile.name;
    in.rayVersion = m_draft.before ? m_draft.before->rayVersion : QString();
    in.headAddress = m_ui.head->text().trimmed();
    in.headHostnames.clear();
    for (const QString& name : m_ui.names->text().split(u',', Qt::SkipEmptyParts)) {
        in.headHostnames.append(name.trimmed());
    }
    in.targetRayVersion = m_ui.version->text().trimmed();
    in.kubeNamespace = m_ui.kubeNamespace->text().trimmed();
    const QStringList problems = in.problems();
    m_ui.problems->setText(problems.join(u'\n'));
    m_ui.generate->setEnabled(problems.isEmpty() && !m_job->isRunning());
    if (m_draft.output) {
        m_draft.dropOutput();
        m_ui.files->clear();
        m_ui.preview->clear();
    }
    Q_EMIT completeChanged();
}

bool HardeningPreviewPage::isComplete() const
{
    return m_draft.output.has_value() && !m_job->isRunning();
}

void HardeningPreviewPage::generate()
{
    if (m_job->isRunning() || !m_draft.inputs.problems().isEmpty()) {
        return;
    }
    m_ui.banner->clear();
    m_ui.files->clear();
    m_ui.preview->clear();
    m_draft.dropOutput();
    m_ui.generate->setEnabled(false);
    m_ui.cancel->setEnabled(true);
    m_ui.progress->setRange(0, 0);
    m_job->start(m_draft.plan, m_draft.inputs);
    Q_EMIT completeChanged();
}

void HardeningPreviewPage::generationEnded()
{
    m_ui.progress->setRange(0, 1);
    m_ui.cancel->setEnabled(false);
    m_ui.generate->setEnabled(true);
    auto result = m_job->takeResult();
    if (!result) {
        m_ui.progress->setValue(0);
        m_ui.banner->showMessage(ErrorBanner::Level::Error, result.error().message,
                                 result.error().hint);
        Q_EMIT completeChanged();
        return;
    }
    m_ui.progress->setValue(1);
    m_draft.output.emplace(std::move(*result));
    for (const FixArtefact& a : m_draft.output->artefacts) {
        auto* item = new QListWidgetItem(a.holdsSecret() ? tr("%1 (secret)").arg(a.path) : a.path,
                                         m_ui.files);
        item->setToolTip(a.description);
    }
    m_ui.files->setCurrentRow(0);
    Q_EMIT completeChanged();
    Q_EMIT generated();
}

void HardeningPreviewPage::showFile(int row)
{
    if (!m_draft.output || row < 0 || std::size_t(row) >= m_draft.output->artefacts.size()) {
        m_ui.preview->clear();
        return;
    }
    const FixArtefact& a = m_draft.output->artefacts.at(std::size_t(row));
    m_ui.preview->setPlainText(a.description + QStringLiteral("\n\n") + a.previewText());
}

} // namespace raysec::ui
