#include "ui/gateway/JobPolicyDialog.h"

#include "ui/widgets/ErrorBanner.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextOption>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

// One entry per line; blank lines are skipped. Entries are trimmed unless their spaces
// count, as in a forbidden text such as "nc ".
QStringList lines(const QPlainTextEdit* edit, bool keepSpaces)
{
    QStringList out;
    const QStringList all = edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString& line : all) {
        if (!line.trimmed().isEmpty()) {
            out.append(keepSpaces ? line : line.trimmed());
        }
    }
    return out;
}

QPlainTextEdit* listEdit(const QString& accessibleName, bool showSpaces, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setAccessibleName(accessibleName);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setTabChangesFocus(true);
    if (showSpaces) {
        // Spaces at either end of a forbidden text change what it matches, so they are drawn.
        QTextOption option = edit->document()->defaultTextOption();
        option.setFlags(option.flags() | QTextOption::ShowTabsAndSpaces);
        edit->document()->setDefaultTextOption(option);
    }
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 4);
    return edit;
}

} // namespace

JobPolicyDialog::JobPolicyDialog(Database& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("Job Submission Policy"));
    buildUi();
    if (auto migrated = JobPolicyStore::migrate(store); !migrated) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, migrated.error().message,
                                 migrated.error().hint);
        m_ui.save->setEnabled(false);
        m_ui.reset->setEnabled(false);
        return;
    }
    m_ready = true;
    load();
}

void JobPolicyDialog::buildUi()
{
    m_ui.banner = new ErrorBanner(this);
    auto* intro = new QLabel(
        tr("The gateway checks every job submitted through it (POST /api/jobs/) against this "
           "policy, and the audit compares running jobs with it. A change applies once the "
           "gateway's bundles are signed again, by the hardening wizard or raysec-cli gateway "
           "bundles, and the gateway has reloaded them."),
        this);
    intro->setWordWrap(true);
    m_ui.source = new QLabel(this);
    m_ui.source->setWordWrap(true);

    m_ui.hosts = listEdit(tr("Allowed hosts"), false, this);
    m_ui.hosts->setToolTip(tr("Package indexes and artefact stores a job's runtime_env may "
                              "fetch from, one per line: pypi.org, or *.corp.example for every "
                              "host below corp.example."));
    m_ui.schemes = listEdit(tr("Allowed URI schemes"), false, this);
    m_ui.schemes->setToolTip(tr("URI schemes allowed for working_dir and py_modules, one per "
                                "line: gcs is what the Ray client uses for code it uploads."));
    m_ui.programs = listEdit(tr("Allowed programs"), false, this);
    m_ui.programs->setToolTip(tr("The first word an entrypoint may have, one per line."));
    m_ui.forbidden = listEdit(tr("Forbidden texts"), true, this);
    m_ui.forbidden->setToolTip(tr("Texts no entrypoint may contain, one per line. Spaces count "
                                  "and are shown as dots: \"nc \" refuses the command nc but "
                                  "not a word that ends in nc."));
    m_ui.length = new QSpinBox(this);
    m_ui.length->setRange(1, 1024 * 1024);
    m_ui.length->setSuffix(tr(" characters"));
    m_ui.length->setAccessibleName(tr("Longest entrypoint"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_ui.save = buttons->button(QDialogButtonBox::Save);
    m_ui.reset = buttons->addButton(tr("Use Recommended Policy"), QDialogButtonBox::ResetRole);
    m_ui.reset->setToolTip(tr("Forgets the saved policy: the bundles then carry Raysec's "
                              "recommended one, and follow it when Raysec updates it."));
    connect(m_ui.save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_ui.reset, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("Use the Recommended Policy?"),
            tr("The saved job policy will be forgotten and Raysec's recommended one used "
               "instead. Your entries cannot be recovered."));
        if (answer == QMessageBox::Yes) {
            resetToRecommended();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("Hosts for packages and code:"), m_ui.hosts);
    form->addRow(tr("URI schemes:"), m_ui.schemes);
    form->addRow(tr("Programs an entrypoint may start:"), m_ui.programs);
    form->addRow(tr("Texts an entrypoint must not contain:"), m_ui.forbidden);
    form->addRow(tr("Longest entrypoint:"), m_ui.length);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addWidget(intro);
    layout->addWidget(m_ui.source);
    layout->addLayout(form, 1);
    layout->addWidget(buttons);
}

JobPolicy JobPolicyDialog::policy() const
{
    JobPolicy policy;
    policy.allowedHosts = lines(m_ui.hosts, false);
    policy.allowedSchemes = lines(m_ui.schemes, false);
    policy.allowedPrograms = lines(m_ui.programs, false);
    policy.forbiddenTokens = lines(m_ui.forbidden, true);
    policy.maxEntrypointLength = m_ui.length->value();
    return policy;
}

void JobPolicyDialog::showPolicy(const JobPolicy& policy)
{
    const QString newline(QLatin1Char('\n'));
    m_ui.hosts->setPlainText(policy.allowedHosts.join(newline));
    m_ui.schemes->setPlainText(policy.allowedSchemes.join(newline));
    m_ui.programs->setPlainText(policy.allowedPrograms.join(newline));
    m_ui.forbidden->setPlainText(policy.forbiddenTokens.join(newline));
    m_ui.length->setValue(policy.maxEntrypointLength);
}

void JobPolicyDialog::load(bool changed)
{
    auto current = m_store.forBundles();
    if (!current) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, current.error().message,
                                 current.error().hint);
        return;
    }
    showPolicy(current->first);
    m_ui.source->setText(changed ? tr("Saved. New bundles carry %1; sign them again and reload "
                                      "the gateway for the change to apply.")
                                       .arg(current->second)
                                 : tr("New bundles carry %1.").arg(current->second));
}

bool JobPolicyDialog::save()
{
    if (!m_ready) {
        return false;
    }
    const Result<void> saved = m_store.save(policy());
    if (!saved) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, saved.error().message,
                                 saved.error().hint);
        return false;
    }
    m_ui.banner->clear();
    load(true);
    return true;
}

bool JobPolicyDialog::resetToRecommended()
{
    if (!m_ready) {
        return false;
    }
    if (auto reset = m_store.reset(); !reset) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, reset.error().message,
                                 reset.error().hint);
        return false;
    }
    m_ui.banner->clear();
    load(true);
    return true;
}

} // namespace raysec::ui
