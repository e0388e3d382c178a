#include "ui/audit/hardening/HardeningScanPage.h"

#include "core/audit/HardeningScore.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/hardening/HardeningDraft.h"
#include "ui/widgets/ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace raysec::ui {

HardeningScanPage::HardeningScanPage(HardeningDraft& draft, AuditScan& scan, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_scan(scan)
{
    setTitle(tr("Scan the cluster"));
    setSubTitle(tr("Raysec looks at the cluster with passive probes only: nothing is changed."));
    m_ui.banner = new ErrorBanner(this);
    m_ui.profile = new QLabel(this);
    m_ui.profile->setTextFormat(Qt::PlainText);
    m_ui.scan = new QPushButton(tr("Scan"), this);
    m_ui.cancel = new QPushButton(tr("Cancel scan"), this);
    m_ui.cancel->setEnabled(false);
    m_ui.progress = new QProgressBar(this);
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(0);
    m_ui.summary = new QLabel(tr("Not scanned yet."), this);
    m_ui.summary->setTextFormat(Qt::PlainText);
    m_ui.summary->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->addWidget(m_ui.scan);
    row->addWidget(m_ui.cancel);
    row->addWidget(m_ui.progress, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addWidget(m_ui.profile);
    layout->addLayout(row);
    layout->addWidget(m_ui.summary, 1);

    connect(m_ui.scan, &QPushButton::clicked, this, &HardeningScanPage::startScan);
    connect(m_ui.cancel, &QPushButton::clicked, &m_scan, &AuditScan::cancel);
    connect(&m_scan, &AuditScan::progressed, this, &HardeningScanPage::showProgress);
    connect(&m_scan, &AuditScan::finished, this, &HardeningScanPage::ended);
    connect(&m_scan, &AuditScan::failed, this, &HardeningScanPage::failed);
}

void HardeningScanPage::initializePage()
{
    const bool hasProfile = !m_draft.profile.name.isEmpty();
    m_ui.profile->setText(
        hasProfile ? tr("Cluster: %1 (%2)")
                         .arg(m_draft.profile.name, m_draft.profile.dashboardUrl.toString())
                   : tr("No cluster is selected."));
    m_ui.scan->setEnabled(hasProfile && !m_scan.loadError());
    if (!hasProfile) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, tr("No cluster is selected."),
                                 tr("Close the wizard, choose a cluster profile, and open it "
                                    "again."));
    }
}

bool HardeningScanPage::isComplete() const
{
    return m_draft.before.has_value() && !m_scan.isRunning();
}

void HardeningScanPage::startScan()
{
    if (m_scan.isRunning() || m_draft.profile.name.isEmpty()) {
        return;
    }
    m_ui.banner->clear();
    m_mine = true;
    setBusy(true);
    m_ui.progress->setRange(0, 0);
    m_scan.start(m_draft.profile);
}

void HardeningScanPage::setBusy(bool busy)
{
    m_ui.scan->setEnabled(!busy);
    m_ui.cancel->setEnabled(busy);
    Q_EMIT completeChanged();
}

void HardeningScanPage::showProgress(int done, int total, const QString& checkId)
{
    if (!m_mine) {
        return;
    }
    m_ui.progress->setRange(0, total);
    m_ui.progress->setValue(done);
    m_ui.progress->setFormat(tr("%1 (%2 of %3)").arg(checkId).arg(done + 1).arg(total));
}

void HardeningScanPage::ended(const AuditRun& run)
{
    if (!m_mine) {
        return;
    }
    m_mine = false;
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(run.cancelled ? 0 : 1);
    if (run.cancelled) {
        m_ui.summary->setText(tr("The scan was cancelled. Scan again to continue."));
        setBusy(false);
        return;
    }
    m_draft.before = run;
    m_draft.plan = HardeningPlan::fromRun(run, m_scan.catalog());
    m_draft.dropOutput();
    const HardeningScore score = HardeningScore::of(run, m_scan.catalog());
    m_ui.summary->setText(
        tr("Score %1/100: %2 checks passed, %3 failed, %4 undecided. Ray %5.")
            .arg(score.score)
            .arg(score.passed)
            .arg(score.failed)
            .arg(score.undecided)
            .arg(run.rayVersion.isEmpty() ? tr("version unknown") : run.rayVersion));
    qCInfo(lcUiHardening) << "scan of" << run.profile << "found" << score.failed << "failures";
    setBusy(false);
    Q_EMIT scanFinished();
}

void HardeningScanPage::failed(const QString& message)
{
    if (!m_mine) {
        return;
    }
    m_mine = false;
    m_ui.progress->setRange(0, 1);
    m_ui.progress->setValue(0);
    m_ui.banner->showMessage(ErrorBanner::Level::Error, tr("The scan could not start."), message);
    setBusy(false);
    Q_EMIT scanFinished();
}

} // namespace raysec::ui
