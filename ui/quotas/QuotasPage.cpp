#include "ui/quotas/QuotasPage.h"

#include "core/cluster/RayClient.h"
#include "core/quotas/AlertLog.h"
#include "core/quotas/ProfileConnector.h"
#include "core/quotas/QuotaRepository.h"
#include "core/quotas/UsageEngine.h"
#include "core/quotas/WhatIf.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTableWidget>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const PageRegistration registration{
    {QStringLiteral("quotas"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Quotas"), 50,
     [](ConsoleContext& context, QWidget* parent) { return new QuotasPage(context, parent); }}};

} // namespace

QuotasPage::QuotasPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    buildUi();
    if (QuotaRepository::migrate(m_context.store())) {
        if (auto config = QuotaRepository(m_context.store()).load()) {
            m_config = *config;
            m_evaluator = AlertEvaluator(m_config.alerts);
        }
        if (auto open = AlertLog(m_context.store()).openKeys()) {
            m_evaluator.restoreRaised(*open);
        }
    }
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
    }
    connect(&m_context, &ConsoleContext::currentProfileChanged, this, &QuotasPage::connectProfile);
    connect(m_ui.acknowledge, &QPushButton::clicked, this, &QuotasPage::acknowledgeSelected);
    connectProfile();
    showAlerts();
}

QuotasPage::~QuotasPage() = default;

void QuotasPage::buildUi()
{
    m_ui.status = new QLabel(tr("Select a cluster to see its quota usage."), this);
    m_ui.status->setTextFormat(Qt::PlainText);
    m_ui.teams = new QTableWidget(0, 4, this);
    m_ui.teams->setHorizontalHeaderLabels(
        {tr("Team"), tr("CPU in use"), tr("of hard CPU quota"), tr("Active jobs")});
    m_ui.teams->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui.teams->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui.cluster = new QLabel(this);
    m_ui.cluster->setTextFormat(Qt::PlainText);
    m_ui.alerts = new QListWidget(this);
    m_ui.acknowledge = new QPushButton(tr("Acknowledge"), this);
    m_ui.submission = new QPlainTextEdit(this);
    m_ui.submission->setPlaceholderText(tr("Paste a job submission (JSON of POST /api/jobs/)"));
    m_ui.answer = new QLabel(this);
    m_ui.answer->setTextFormat(Qt::PlainText);
    m_ui.answer->setWordWrap(true);
    auto* ask = new QPushButton(tr("Would it fit?"), this);
    connect(ask, &QPushButton::clicked, this, &QuotasPage::askWhatIf);

    auto* alertsBox = new QGroupBox(tr("Alerts"), this);
    auto* alertsLayout = new QVBoxLayout(alertsBox);
    alertsLayout->addWidget(m_ui.alerts);
    alertsLayout->addWidget(m_ui.acknowledge);
    auto* whatIfBox = new QGroupBox(tr("What if"), this);
    auto* whatIfLayout = new QVBoxLayout(whatIfBox);
    whatIfLayout->addWidget(m_ui.submission);
    whatIfLayout->addWidget(ask);
    whatIfLayout->addWidget(m_ui.answer);
    auto* lower = new QHBoxLayout;
    lower->addWidget(alertsBox);
    lower->addWidget(whatIfBox);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.status);
    layout->addWidget(m_ui.teams, 1);
    layout->addWidget(m_ui.cluster);
    layout->addLayout(lower, 1);
}

void QuotasPage::connectProfile()
{
    delete m_engine;
    m_engine = nullptr;
    m_client.reset();
    const auto& profile = m_context.currentProfile();
    if (!profile) {
        return;
    }
    ProfileConnector::open(
        *profile, m_context.keychain(), this, [this](Result<std::unique_ptr<RayClient>> client) {
            if (!client) {
                m_ui.status->setText(client.error().text());
                return;
            }
            m_client = std::move(*client);
            m_engine = new UsageEngine(StateSource::fromRayClient(*m_client), this);
            m_engine->setConfig(m_config);
            connect(m_engine, &UsageEngine::reportReady, this, &QuotasPage::showReport);
            connect(m_engine, &UsageEngine::failed, this,
                    [this](const Error& e) { m_ui.status->setText(e.text()); });
            m_engine->start();
        });
}

void QuotasPage::showReport(const UsageReport& report)
{
    m_report = report;
    m_ui.status->setText(report.notes.isEmpty() ? tr("Usage at %1.").arg(report.at.toString())
                                                : report.notes.join(QLatin1Char(' ')));
    m_ui.teams->setRowCount(int(report.teams.size()));
    int row = 0;
    for (const SubjectUsage& team : report.teams) {
        const QuotaPolicy* policy = m_config.find(QuotaSubject::Team, team.name);
        m_ui.teams->setItem(row, 0, new QTableWidgetItem(team.name));
        m_ui.teams->setItem(row, 1, new QTableWidgetItem(QString::number(team.used.cpu)));
        auto* bar = new QProgressBar(m_ui.teams);
        const double limit = policy && policy->hard.cpu ? *policy->hard.cpu : 0;
        bar->setRange(0, 100);
        bar->setValue(limit > 0 ? int(std::min(100.0, 100 * team.used.cpu / limit)) : 0);
        bar->setFormat(limit > 0 ? tr("%1 of %2").arg(team.used.cpu).arg(limit) : tr("no quota"));
        m_ui.teams->setCellWidget(row, 2, bar);
        m_ui.teams->setItem(row, 3, new QTableWidgetItem(QString::number(team.activeJobs)));
        ++row;
    }
    m_ui.cluster->setText(tr("Cluster: %1 CPU and %2 GPU in use")
                              .arg(report.clusterUsed.cpu)
                              .arg(report.clusterUsed.gpu));

    auto raised = AlertLog(m_context.store()).record(m_evaluator.evaluate(report, m_config));
    if (raised && m_tray != nullptr) {
        for (const QuotaAlert& alert : *raised) {
            m_tray->showMessage(tr("Quota alert"), tr("%1 %2 at %3 of %4")
                                                       .arg(alert.subject, alert.metric)
                                                       .arg(alert.value)
                                                       .arg(alert.limit));
        }
    }
    showAlerts();
}

void QuotasPage::showAlerts()
{
    m_ui.alerts->clear();
    auto alerts = AlertLog(m_context.store()).list();
    if (!alerts) {
        return;
    }
    for (const QuotaAlert& alert : *alerts) {
        auto* item =
            new QListWidgetItem(tr("%1 %2 reached %3% (%4 of %5)%6")
                                    .arg(alert.subject, alert.metric)
                                    .arg(alert.threshold * 100)
                                    .arg(alert.value)
                                    .arg(alert.limit)
                                    .arg(alert.acknowledgedAt ? tr(", acknowledged") : QString()));
        item->setData(Qt::UserRole, alert.id);
        m_ui.alerts->addItem(item);
    }
}

void QuotasPage::acknowledgeSelected()
{
    const QListWidgetItem* item = m_ui.alerts->currentItem();
    if (item == nullptr) {
        return;
    }
    AlertLog(m_context.store())
        .acknowledge(item->data(Qt::UserRole).toLongLong(), QDateTime::currentDateTimeUtc());
    showAlerts();
}

void QuotasPage::askWhatIf()
{
    auto submission = JobSubmission::fromJson(m_ui.submission->toPlainText().toUtf8());
    if (!submission) {
        m_ui.answer->setText(submission.error().text());
        return;
    }
    if (!m_report) {
        m_ui.answer->setText(tr("No usage yet: wait for the first refresh."));
        return;
    }
    const WhatIfAnswer answer = WhatIf::evaluate(*submission, *m_report, m_config);
    QStringList lines{answer.fits ? tr("Fits (team %1).").arg(answer.team)
                                  : tr("Does not fit (team %1):").arg(answer.team)};
    for (const WhatIfReason& reason : answer.reasons + answer.softWarnings) {
        lines.append(reason.text);
    }
    m_ui.answer->setText(lines.join(QLatin1Char('\n')));
}

} // namespace raysec::ui
