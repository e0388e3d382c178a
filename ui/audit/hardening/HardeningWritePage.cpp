#include "ui/audit/hardening/HardeningWritePage.h"

#include "core/audit/fixes/ArtefactWriter.h"
#include "core/audit/fixes/ConsoleApplier.h"
#include "ui/ConsoleContext.h"
#include "ui/audit/hardening/HardeningDraft.h"
#include "ui/widgets/ErrorBanner.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

HardeningWritePage::HardeningWritePage(HardeningDraft& draft, ConsoleContext& context,
                                       QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_context(context)
    , m_applier(new ConsoleApplier(context.keychain(), context.store(), this))
{
    setTitle(tr("Write the files and apply"));
    setSubTitle(tr("Write the files to a new folder for the runbook. The console can also make "
                   "some changes itself."));
    m_ui.banner = new ErrorBanner(this);
    m_ui.folder = new QLineEdit(this);
    m_ui.folder->setPlaceholderText(
        tr("A new or empty folder, such as %1")
            .arg(QDir::home().filePath(QStringLiteral("ray-hardening"))));
    m_ui.browse = new QPushButton(tr("Browse…"), this);
    m_ui.problem = new QLabel(this);
    m_ui.problem->setTextFormat(Qt::PlainText);
    m_ui.problem->setWordWrap(true);
    m_ui.problem->setObjectName(QStringLiteral("fieldProblem"));
    m_ui.write = new QPushButton(tr("Write files"), this);
    m_ui.status = new QLabel(this);
    m_ui.status->setTextFormat(Qt::PlainText);
    m_ui.status->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_ui.folder, 1);
    row->addWidget(m_ui.browse);
    row->addWidget(m_ui.write);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addWidget(new QLabel(tr("Folder"), this));
    layout->addLayout(row);
    layout->addWidget(m_ui.problem);
    layout->addWidget(buildChanges());
    layout->addWidget(m_ui.status, 1);
    connect(m_ui.folder, &QLineEdit::textChanged, this, &HardeningWritePage::checkFolder);
    connect(m_ui.browse, &QPushButton::clicked, this, &HardeningWritePage::browse);
    connect(m_ui.write, &QPushButton::clicked, this, &HardeningWritePage::writeFiles);
}

QWidget* HardeningWritePage::buildChanges()
{
    auto* group = new QGroupBox(tr("Changes the console makes itself"), this);
    auto* layout = new QVBoxLayout(group);
    for (ConsoleChange change : {ConsoleChange::StoreRayToken, ConsoleChange::UseRayTokenAuth,
                                 ConsoleChange::SaveQuotaPolicy, ConsoleChange::PublishKeyRegistry,
                                 ConsoleChange::PublishGatewayBundles}) {
        auto* box = new QCheckBox(group);
        box->setChecked(true);
        m_boxes.insert(change, box);
        layout->addWidget(box);
    }
    m_ui.apply = new QPushButton(tr("Apply the checked changes"), group);
    layout->addWidget(m_ui.apply);
    connect(m_ui.apply, &QPushButton::clicked, this, &HardeningWritePage::applyChanges);
    m_ui.changes = group;
    return group;
}

QString HardeningWritePage::changeText(ConsoleChange change, const QString& profile,
                                       bool replacesToken)
{
    switch (change) {
    case ConsoleChange::StoreRayToken:
        return replacesToken
                   ? tr("Replace the Ray token in the keychain for profile %1 (the console then "
                        "connects only once the cluster runs with the new one)")
                         .arg(profile)
                   : tr("Keep the new Ray token in the keychain for profile %1").arg(profile);
    case ConsoleChange::UseRayTokenAuth:
        return tr("Switch profile %1 to Ray token authentication").arg(profile);
    case ConsoleChange::SaveQuotaPolicy:
        return tr("Save the default quota policy in the console");
    case ConsoleChange::PublishKeyRegistry:
        return tr("Issue an admin API key and publish the signed key registry into the "
                  "written gateway folder");
    case ConsoleChange::PublishGatewayBundles:
        return tr("Sign the gateway policy (Raysec's recommended job policy and the quota "
                  "policies saved in the console) and the dashboard users with the same key, "
                  "into the written gateway folder");
    }
    return {};
}

void HardeningWritePage::initializePage()
{
    const bool hasOutput = m_draft.output.has_value();
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const bool offered = hasOutput && m_draft.output->has(it.key());
        const bool replaces = m_draft.profile.auth == AuthMode::RayToken;
        it.value()->setText(changeText(it.key(), m_draft.profile.name, replaces));
        // Replacing a working token is a choice to make on purpose, not a default.
        if (it.key() == ConsoleChange::StoreRayToken && m_draft.applied.isEmpty()) {
            it.value()->setChecked(!replaces);
        }
        it.value()->setVisible(offered);
        it.value()->setEnabled(offered && !m_draft.applied.contains(it.key()));
    }
    m_ui.changes->setVisible(hasOutput && !m_draft.output->changes.isEmpty());
    m_ui.apply->setEnabled(hasOutput && m_draft.applied.isEmpty());
    checkFolder();
}

void HardeningWritePage::checkFolder()
{
    const QString problem = m_draft.output
                                ? ArtefactWriter::folderProblem(m_ui.folder->text().trimmed(),
                                                                m_draft.output->artefacts)
                                : tr("Generate the files first.");
    m_ui.problem->setText(m_draft.written.isEmpty() ? problem : QString());
    m_ui.write->setEnabled(problem.isEmpty() && m_draft.written.isEmpty());
}

void HardeningWritePage::browse()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the files"));
    if (!dir.isEmpty()) {
        m_ui.folder->setText(QDir(dir).filePath(QStringLiteral("ray-hardening")));
    }
}

bool HardeningWritePage::isComplete() const
{
    return !m_draft.written.isEmpty();
}

void HardeningWritePage::writeFiles()
{
    if (!m_draft.output || !m_draft.written.isEmpty()) {
        return;
    }
    const QString folder = QDir::cleanPath(m_ui.folder->text().trimmed());
    auto paths = ArtefactWriter::write(folder, m_draft.output->artefacts);
    if (!paths) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, paths.error().message,
                                 paths.error().hint);
        return;
    }
    m_ui.banner->clear();
    m_draft.folder = folder;
    m_draft.written = *paths;
    m_ui.status->setText(tr("%n files written to %1; secret files are readable only by you.",
                            nullptr, int(paths->size()))
                             .arg(folder));
    qCInfo(lcUiHardening) << "wrote" << paths->size() << "files for" << m_draft.profile.name;
    checkFolder();
    Q_EMIT completeChanged();
    Q_EMIT written();
}

void HardeningWritePage::applyChanges()
{
    if (!m_draft.output) {
        return;
    }
    QList<ConsoleChange> changes;
    for (ConsoleChange change : m_draft.output->changes) {
        if (m_boxes.value(change)->isChecked()) {
            changes.append(change);
        }
    }
    if (changes.isEmpty()) {
        m_ui.banner->showMessage(ErrorBanner::Level::Warning, tr("No change is checked."),
                                 tr("Check the changes the console should make, or skip this."));
        return;
    }
    m_ui.apply->setEnabled(false);
    m_applier->apply(
        m_draft.profile, changes, m_draft.output->rayToken, m_draft.output->quotas, m_draft.folder,
        [this, changes](Result<AppliedChanges> r) { applyEnded(std::move(r), changes); });
}

void HardeningWritePage::applyEnded(Result<AppliedChanges> result, QList<ConsoleChange> changes)
{
    if (!result) {
        m_ui.apply->setEnabled(true);
        m_ui.banner->showMessage(ErrorBanner::Level::Error, result.error().message,
                                 result.error().hint);
        return;
    }
    m_ui.banner->clear();
    m_draft.applied = changes;
    m_draft.profile = result->profile;
    m_context.setCurrentProfile(result->profile);
    for (ConsoleChange change : changes) {
        m_boxes.value(change)->setEnabled(false);
    }
    QString text = tr("The console changes are applied.");
    if (!result->adminKeyId.isEmpty()) {
        text += QLatin1Char(' ') + tr("Admin API key %1 was issued; its secret is in "
                                      "gateway/admin-api-key, readable only by you.")
                                       .arg(result->adminKeyId);
    }
    if (!result->bundleSummary.isEmpty()) {
        text += QLatin1Char(' ') + result->bundleSummary;
    }
    m_ui.status->setText(m_ui.status->text() + QLatin1Char('\n') + text);
    Q_EMIT completeChanged();
    Q_EMIT applied();
}

} // namespace raysec::ui
