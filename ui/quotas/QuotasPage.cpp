#include "ui/quotas/QuotasPage.h"

#include "core/cluster/RayClient.h"
#include "core/quotas/ProfileConnector.h"
#include "core/quotas/QuotaRepository.h"
#include "core/quotas/UsageEngine.h"
#include "core/quotas/UsageHistory.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/quotas/AlertsPanel.h"
#include "ui/quotas/QuotaEditor.h"
#include "ui/quotas/TeamUsageTree.h"
#include "ui/quotas/TopJobsTable.h"
#include "ui/quotas/UsageChart.h"
#include "ui/quotas/WhatIfPanel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const PageRegistration registration{
    {QStringLiteral("quotas"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Quotas"), 50,
     [](ConsoleContext& context, QWidget* parent) { return new QuotasPage(context, parent); }}};

constexpr int defaultIntervalSeconds = 10;
constexpr qint64 maintenanceEverySecs = 3600;

bool isRefusal(const Error& error)
{
    return error.code == QLatin1String("http.429") || error.code == QLatin1String("http.503") ||
           error.code == QLatin1String("http.500");
}

} // namespace

QuotasPage::QuotasPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    buildUi();
    loadConfig();
    connect(&m_context, &ConsoleContext::currentProfileChanged, this, &QuotasPage::connectProfile);
    connectProfile();
}

QuotasPage::~QuotasPage()
{
    // The engine reads through m_client: it must go first.
    closeEngine();
}

void QuotasPage::buildUi()
{
    m_ui.status = new QLabel(tr("Select a cluster to see its quota usage."), this);
    m_ui.status->setTextFormat(Qt::PlainText);
    m_ui.status->setWordWrap(true);
    m_ui.notice = new QLabel(this);
    m_ui.notice->setObjectName(QStringLiteral("quotaNotice"));
    m_ui.notice->setTextFormat(Qt::PlainText);
    m_ui.notice->setWordWrap(true);
    m_ui.notice->hide();
    m_ui.interval = new QComboBox(this);
    m_ui.interval->setObjectName(QStringLiteral("refreshInterval"));
    for (int seconds : {5, 10, 30, 60, 300}) {
        m_ui.interval->addItem(seconds < 60 ? tr("every %n second(s)", nullptr, seconds)
                                            : tr("every %n minute(s)", nullptr, seconds / 60),
                               seconds);
    }
    m_ui.interval->setCurrentIndex(m_ui.interval->findData(defaultIntervalSeconds));
    connect(m_ui.interval, &QComboBox::currentIndexChanged, this, &QuotasPage::intervalChosen);
    auto* refresh = new QPushButton(tr("Refresh now"), this);
    refresh->setObjectName(QStringLiteral("refreshNow"));
    connect(refresh, &QPushButton::clicked, this, [this] {
        if (m_engine != nullptr) {
            m_engine->refreshNow();
        }
    });

    m_ui.alerts = new AlertsPanel(m_context.store(), this);
    m_ui.editor = new QuotaEditor(m_context.store(), this);
    m_ui.whatIf = new WhatIfPanel(this);
    connect(m_ui.editor, &QuotaEditor::configSaved, this, &QuotasPage::applyConfig);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(buildUsageTab(), tr("Usage"));
    tabs->addTab(m_ui.alerts, tr("Alerts"));
    tabs->addTab(m_ui.editor, tr("Policies"));
    tabs->addTab(m_ui.whatIf, tr("What if"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_ui.status, 1);
    top->addWidget(new QLabel(tr("Refresh:"), this));
    top->addWidget(m_ui.interval);
    top->addWidget(refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_ui.notice);
    layout->addWidget(tabs, 1);
}

QWidget* QuotasPage::buildUsageTab()
{
    auto* tab = new QWidget(this);
    m_ui.cluster = new QLabel(tab);
    m_ui.cluster->setObjectName(QStringLiteral("clusterTotals"));
    m_ui.cluster->setTextFormat(Qt::PlainText);
    m_ui.teams = new TeamUsageTree(tab);
    m_ui.chart = new UsageChart(m_context.store(), tab);
    m_ui.topJobs = new TopJobsTable(tab);

    auto* topBox = new QGroupBox(tr("Top jobs"), tab);
    auto* topLayout = new QVBoxLayout(topBox);
    topLayout->addWidget(m_ui.topJobs);
    auto* lower = new QSplitter(Qt::Horizontal, tab);
    lower->addWidget(m_ui.chart);
    lower->addWidget(topBox);
    auto* split = new QSplitter(Qt::Vertical, tab);
    split->addWidget(m_ui.teams);
    split->addWidget(lower);

    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(m_ui.cluster);
    layout->addWidget(split, 1);
    return tab;
}

void QuotasPage::loadConfig()
{
    QuotaConfig config;
    auto migrated = QuotaRepository::migrate(m_context.store());
    auto loaded = migrated ? QuotaRepository(m_context.store()).load()
                           : Result<QuotaConfig>(std::unexpected(migrated.error()));
    if (loaded) {
        config = *loaded;
    } else {
        m_ui.notice->setText(tr("The stored quota configuration could not be read, so no quota "
                                "applies: %1")
                                 .arg(loaded.error().text()));
        m_ui.notice->show();
    }
    m_ui.editor->setConfig(config);
    applyConfig(config);
    m_ui.alerts->reloadList();
}

void QuotasPage::applyConfig(const QuotaConfig& config)
{
    m_config = config;
    m_ui.alerts->setConfig(config);
    m_ui.whatIf->setConfig(config);
    if (m_engine != nullptr) {
        m_engine->setConfig(config);
        m_engine->refreshNow();
    }
}

void QuotasPage::closeEngine()
{
    delete m_engine;
    m_engine = nullptr;
    m_client.reset();
}

void QuotasPage::connectProfile()
{
    closeEngine();
    const int connection = ++m_connection;
    const auto& profile = m_context.currentProfile();
    if (!profile) {
        m_ui.status->setText(tr("Select a cluster to see its quota usage."));
        return;
    }
    m_ui.status->setText(tr("Connecting to %1…").arg(profile->name));
    ProfileConnector::open(
        *profile, m_context.keychain(), this,
        [this, connection](Result<std::unique_ptr<RayClient>> client) {
            if (connection != m_connection) {
                return;
            }
            if (!client) {
                m_ui.status->setText(client.error().text());
                return;
            }
            m_client = std::move(*client);
            m_engine = new UsageEngine(StateSource::fromRayClient(*m_client), this);
            m_engine->setConfig(m_config);
            m_engine->setIntervalSeconds(m_ui.interval->currentData().toInt());
            connect(m_engine, &UsageEngine::reportReady, this, &QuotasPage::showReport);
            connect(m_engine, &UsageEngine::failed, this, &QuotasPage::showFailure);
            m_engine->start();
        });
}

void QuotasPage::intervalChosen()
{
    if (m_engine != nullptr) {
        m_engine->setIntervalSeconds(m_ui.interval->currentData().toInt());
        m_engine->refreshNow();
    }
}

void QuotasPage::showReport(const UsageReport& report)
{
    m_ui.status->setText(
        tr("Usage at %1.").arg(QLocale().toString(report.at.toLocalTime(), QLocale::LongFormat)));
    m_ui.notice->setVisible(report.truncated || !report.notes.isEmpty());
    m_ui.notice->setText(report.truncated
                             ? tr("Ray truncated a list, so this usage is a lower bound. %1")
                                   .arg(report.notes.join(QLatin1Char(' ')))
                             : report.notes.join(QLatin1Char(' ')));
    showClusterTotals(report);
    m_ui.teams->showReport(report, m_config);
    m_ui.topJobs->showReport(report);
    m_ui.whatIf->setReport(report);
    m_ui.alerts->evaluate(report);
    recordHistory(report);
    m_ui.chart->setTeams(report.teams.keys());
}

void QuotasPage::showFailure(const Error& error)
{
    const int seconds = m_engine != nullptr ? m_engine->currentDelayMs() / 1000 : 0;
    m_ui.notice->setText(
        isRefusal(error)
            ? tr("Ray refused the request (%1). Backing off: next try in %n second(s).", nullptr,
                 seconds)
                  .arg(error.text())
            : tr("The refresh failed: %1 Next try in %n second(s).", nullptr, seconds)
                  .arg(error.text()));
    m_ui.notice->show();
}

void QuotasPage::showClusterTotals(const UsageReport& report)
{
    const QLocale locale;
    const ResourceSet& used = report.clusterUsed;
    if (!report.clusterCapacity) {
        m_ui.cluster->setText(tr("Cluster: %1 CPU, %2 GPU and %3 memory in use.")
                                  .arg(locale.toString(used.cpu), locale.toString(used.gpu),
                                       locale.formattedDataSize(qint64(used.memory))));
        return;
    }
    const ResourceSet& total = *report.clusterCapacity;
    m_ui.cluster->setText(
        tr("Cluster: %1 of %2 CPU, %3 of %4 GPU, %5 of %6 memory in use; %n job(s).", nullptr,
           int(report.jobs.size()))
            .arg(locale.toString(used.cpu), locale.toString(total.cpu), locale.toString(used.gpu),
                 locale.toString(total.gpu), locale.formattedDataSize(qint64(used.memory)),
                 locale.formattedDataSize(qint64(total.memory))));
}

void QuotasPage::recordHistory(const UsageReport& report)
{
    UsageHistory history(m_context.store());
    auto ok = history.record(report);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (ok &&
        (!m_lastMaintenance.isValid() || m_lastMaintenance.secsTo(now) >= maintenanceEverySecs)) {
        ok = history.maintain(now);
        m_lastMaintenance = now;
    }
    if (!ok) {
        m_ui.notice->setText(tr("The usage history could not be saved: %1").arg(ok.error().text()));
        m_ui.notice->show();
    }
}

} // namespace raysec::ui
