#include "ui/audit/hardening/HardeningVerifyPage.h"

#include "core/audit/fixes/BeforeAfterReport.h"
#include "core/store/ProfileRepository.h"
#include "ui/ConsoleContext.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/hardening/HardeningDraft.h"
#include "ui/widgets/ErrorBanner.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

HardeningVerifyPage::HardeningVerifyPage(HardeningDraft& draft, AuditScan& scan,
                                         ConsoleContext& context, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_scan(scan)
    , m_context(context)
{
    setTitle(tr("Rescan and compare"));
    setSubTitle(tr("After the runbook, scan again. Change the address or CA bundle when the "
                   "cluster now speaks HTTPS or sits behind the gateway."));
    m_ui.banner = new ErrorBanner(this);
    m_ui.report = new QPlainTextEdit(this);
    m_ui.report->setReadOnly(true);
    m_ui.report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addWidget(buildForm());
    layout->addWidget(m_ui.report, 1);
    connect(&m_scan, &AuditScan::finished, this, &HardeningVerifyPage::ended);
    connect(&m_scan, &AuditScan::failed, this, &HardeningVerifyPage::failed);
    connect(&m_scan, &AuditScan::progressed, this, [this](int done, int total, const QString&) {
        if (m_mine) {
            m_ui.progress->setRange(0, total);
            m_ui.progress->setValue(done);
        }
    });
}

QWidget* HardeningVerifyPage::buildForm()
{
    auto* form = new QWidget(this);
    m_ui.url = new QLineEdit(form);
    m_ui.ca = new QLineEdit(form);
    m_ui.ca->setPlaceholderText(tr("Optional: the CA bundle, such as the written tls/ca.crt"));
    m_ui.problems = new QLabel(form);
    m_ui.problems->setTextFormat(Qt::PlainText);
    m_ui.problems->setWordWrap(true);
    m_ui.problems->setObjectName(QStringLiteral("fieldProblem"));
    m_ui.rescan = new QPushButton(tr("Rescan"), form);
    m_ui.cancel = new QPushButton(tr("Cancel scan"), form);
    m_ui.cancel->setEnabled(false);
    m_ui.progress = new QProgressBar(form);
    m_ui.progress->setRange(0, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_ui.rescan);
    buttons->addWidget(m_ui.cancel);
    buttons->addWidget(m_ui.progress, 1);
    auto* layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(tr("Dashboard URL"), m_ui.url);
    layout->addRow(tr("CA bundle"), m_ui.ca);
    layout->addRow(m_ui.problems);
    layout->addRow(buttons);
    connect(m_ui.url, &QLineEdit::textChanged, this, &HardeningVerifyPage::checkFields);
    connect(m_ui.ca, &QLineEdit::textChanged, this, &HardeningVerifyPage::checkFields);
    connect(m_ui.rescan, &QPushButton::clicked, this, &HardeningVerifyPage::rescan);
    connect(m_ui.cancel, &QPushButton::clicked, &m_scan, &AuditScan::cancel);
    return form;
}

void HardeningVerifyPage::initializePage()
{
    m_ui.url->setText(m_draft.profile.dashboardUrl.toString());
    m_ui.ca->setText(m_draft.profile.trust == TrustMode::CaBundle ? m_draft.profile.caBundlePath
                                                                  : QString());
    checkFields();
}

ClusterProfile HardeningVerifyPage::editedProfile() const
{
    ClusterProfile p = m_draft.profile;
    p.dashboardUrl = QUrl(m_ui.url->text().trimmed(), QUrl::StrictMode);
    const QString ca = m_ui.ca->text().trimmed();
    if (!ca.isEmpty()) {
        p.trust = TrustMode::CaBundle;
        p.caBundlePath = ca;
    } else if (p.trust == TrustMode::CaBundle) {
        p.trust = TrustMode::SystemCas;
        p.caBundlePath.clear();
    }
    return p;
}

void HardeningVerifyPage::checkFields()
{
    QStringList problems;
    for (const ClusterProfile::FieldError& e : editedProfile().validate()) {
        problems << e.message;
    }
    m_ui.problems->setText(problems.join(u'\n'));
    m_ui.rescan->setEnabled(problems.isEmpty() && !m_scan.isRunning());
}

bool HardeningVerifyPage::isComplete() const
{
    return m_draft.after.has_value() && !m_scan.isRunning();
}

void HardeningVerifyPage::rescan()
{
    const ClusterProfile profile = editedProfile();
    if (!profile.validate().isEmpty() || m_scan.isRunning()) {
        return;
    }
    if (profile.dashboardUrl != m_draft.profile.dashboardUrl ||
        profile.caBundlePath != m_draft.profile.caBundlePath) {
        // The profile follows the cluster: saved so the other pages connect the same way.
        ProfileRepository profiles(m_context.store());
        auto ok = profiles.migrate();
        if (ok) {
            ok = profiles.save(profile);
        }
        if (!ok) {
            m_ui.banner->showMessage(ErrorBanner::Level::Error, ok.error().message,
                                     ok.error().hint);
            return;
        }
        m_draft.profile = profile;
        m_context.setCurrentProfile(profile);
    }
    m_ui.banner->clear();
    m_mine = true;
    setBusy(true);
    m_ui.progress->setRange(0, 0);
    m_scan.start(m_draft.profile);
}

void HardeningVerifyPage::setBusy(bool busy)
{
    m_ui.rescan->setEnabled(!busy);
    m_ui.cancel->setEnabled(busy);
    Q_EMIT completeChanged();
}

void HardeningVerifyPage::ended(const AuditRun& run)
{
    if (!m_mine) {
        return;
    }
    m_mine = false;
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(run.cancelled ? 0 : 1);
    setBusy(false);
    if (run.cancelled || !m_draft.before) {
        m_ui.report->setPlainText(tr("The scan was cancelled. Rescan to compare."));
        return;
    }
    m_draft.after = run;
    const BeforeAfterReport report = BeforeAfterReport::of(*m_draft.before, run, m_scan.catalog());
    // Cluster-supplied text (versions) is shown in a plain-text editor, never as rich text.
    m_ui.report->setPlainText(QString::fromUtf8(report.markdown(m_scan.catalog())));
    qCInfo(lcUiHardening) << "rescan of" << run.profile << "fixed" << report.diff.nowPassing.size()
                          << "checks";
    Q_EMIT completeChanged();
    Q_EMIT rescanFinished();
}

void HardeningVerifyPage::failed(const QString& message)
{
    if (!m_mine) {
        return;
    }
    m_mine = false;
    m_ui.progress->setRange(0, 1);
    setBusy(false);
    m_ui.banner->showMessage(ErrorBanner::Level::Error, tr("The rescan could not start."), message);
    Q_EMIT rescanFinished();
}

} // namespace raysec::ui
