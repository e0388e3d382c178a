#include "ui/gateway/GatewayPage.h"

#include "core/keys/KeyRegistry.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/gateway/GatewayDashboard.h"
#include "ui/gateway/JobPolicyDialog.h"
#include "ui/widgets/ErrorBanner.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

Q_LOGGING_CATEGORY(lcGatewayPage, "raysec.ui.gateway")

const PageRegistration registration{
    {QStringLiteral("gateway"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Gateway"), 60,
     [](ConsoleContext& context, QWidget* parent) { return new GatewayPage(context, parent); }}};

QString rate(double perSecond)
{
    return QLocale().toString(perSecond, 'f', 2);
}

QString milliseconds(const std::optional<double>& seconds)
{
    return seconds ? QLocale().toString(*seconds * 1000, 'f', 1) : GatewayPage::tr("n/a");
}

} // namespace

GatewayPage::GatewayPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_status(new GatewayStatus(this))
    , m_timer(new QTimer(this))
{
    buildUi();
    connect(m_timer, &QTimer::timeout, this, &GatewayPage::poll);
    connect(m_status, &GatewayStatus::fetched, this, &GatewayPage::showReport);
    connect(m_status, &GatewayStatus::failed, this, &GatewayPage::showFailure);
    connect(m_ui.start, &QPushButton::clicked, this, [this] {
        if (polling()) {
            stopPolling();
        } else {
            startPolling();
        }
    });
    connect(m_ui.address, &QLineEdit::returnPressed, this, &GatewayPage::startPolling);
}

void GatewayPage::buildUi()
{
    m_ui.banner = new ErrorBanner(this);
    m_ui.address = new QLineEdit(QStringLiteral("127.0.0.1:9464"), this);
    m_ui.address->setObjectName(QStringLiteral("gatewayAddress"));
    m_ui.address->setAccessibleName(tr("Admin address"));
    m_ui.address->setToolTip(tr("The gateway's admin listener (\"admin\" in gateway.json). "
                                "Only loopback addresses are accepted."));
    m_ui.interval = new QSpinBox(this);
    m_ui.interval->setRange(1, 300);
    m_ui.interval->setValue(5);
    m_ui.interval->setSuffix(tr(" s"));
    m_ui.interval->setAccessibleName(tr("Polling interval"));
    m_ui.start = new QPushButton(tr("Start"), this);
    m_ui.start->setObjectName(QStringLiteral("gatewayStart"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Admin address:"), this));
    controls->addWidget(m_ui.address, 1);
    controls->addWidget(new QLabel(tr("Every:"), this));
    controls->addWidget(m_ui.interval);
    controls->addWidget(m_ui.start);
    m_ui.jobPolicy = new QPushButton(tr("Job Policy…"), this);
    m_ui.jobPolicy->setObjectName(QStringLiteral("gatewayJobPolicy"));
    m_ui.jobPolicy->setToolTip(tr("The rules the gateway checks every submitted job against."));
    connect(m_ui.jobPolicy, &QPushButton::clicked, this, [this] {
        JobPolicyDialog dialog(m_context.store(), this);
        dialog.exec();
    });
    controls->addWidget(m_ui.jobPolicy);

    m_ui.health = new QLabel(tr("not polled yet"), this);
    m_ui.connections = new QLabel(this);
    m_ui.bundles = new QLabel(this);
    m_ui.totals = new QLabel(this);
    m_ui.bundles->setWordWrap(true);
    auto* summary = new QFormLayout;
    summary->addRow(tr("Health:"), m_ui.health);
    summary->addRow(tr("Connections:"), m_ui.connections);
    summary->addRow(tr("Bundles:"), m_ui.bundles);
    summary->addRow(tr("Last interval:"), m_ui.totals);

    m_ui.dashboard = new GatewayDashboard(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.banner);
    layout->addLayout(controls);
    layout->addLayout(summary);
    layout->addWidget(m_ui.dashboard, 1);
}

bool GatewayPage::polling() const
{
    return m_timer->isActive();
}

bool GatewayPage::startPolling()
{
    auto url = GatewayStatus::adminUrl(m_ui.address->text());
    if (!url) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, url.error().message, url.error().hint);
        return false;
    }
    m_ui.banner->clear();
    m_admin = m_ui.address->text().trimmed();
    m_metrics = GatewayMetrics();
    m_ui.dashboard->clear();
    m_elapsed.start();
    m_ui.address->setEnabled(false);
    m_ui.interval->setEnabled(false);
    m_ui.start->setText(tr("Stop"));
    m_timer->start(std::chrono::seconds(m_ui.interval->value()));
    qCInfo(lcGatewayPage) << "polling gateway admin" << m_admin;
    poll();
    return true;
}

void GatewayPage::stopPolling()
{
    m_timer->stop();
    m_status->cancel();
    m_ui.address->setEnabled(true);
    m_ui.interval->setEnabled(true);
    m_ui.start->setText(tr("Start"));
}

void GatewayPage::poll()
{
    // A slow gateway is not asked again until it has answered or timed out.
    if (m_status->busy()) {
        return;
    }
    const auto timeout = std::chrono::seconds(m_ui.interval->value());
    m_status->setTimeout(
        std::min<std::chrono::milliseconds>(timeout, GatewayStatus::defaultTimeout));
    if (auto started = m_status->fetch(m_admin); !started) {
        showFailure(started.error());
    }
}

void GatewayPage::showReport(const GatewayStatusReport& report)
{
    m_ui.banner->clear();
    m_ui.health->setText(report.healthy ? tr("healthy (%1)").arg(report.health)
                                        : tr("NOT healthy: %1").arg(report.health));
    m_ui.connections->setText(QLocale().toString(report.connections));
    QStringList bundles;
    for (const auto& [bundle, version] : report.bundleVersions) {
        bundles.append(tr("%1 version %2").arg(bundle).arg(version));
    }
    m_ui.bundles->setText(bundles.isEmpty() ? tr("none loaded")
                                            : bundles.join(QStringLiteral(", ")));

    auto rates = m_metrics.add(report.metrics);
    if (!rates) {
        showFailure(rates.error());
        return;
    }
    if (rates->has_value()) {
        const GatewayRates& r = **rates;
        m_ui.totals->setText(tr("%1 requests/s, %2 refused with 429/s; latency p50 %3 ms, "
                                "p95 %4 ms, p99 %5 ms")
                                 .arg(rate(r.requestsPerSecond), rate(r.tooManyPerSecond),
                                      milliseconds(r.p50), milliseconds(r.p95),
                                      milliseconds(r.p99)));
        m_ui.dashboard->addRates(double(m_elapsed.elapsed()) / 1000.0, r, m_metrics.lastUsed());
        recordLastUse();
    }
    Q_EMIT statusUpdated(report);
}

void GatewayPage::recordLastUse()
{
    // Keys the gateway saw in use get their last-used time in the registry of this store; ids
    // from another workstation's registry are not there and are skipped by the registry.
    KeyRegistry registry(m_context.store());
    // The registry's tables are made once per page, not on every poll.
    Result<void> written = m_registryReady ? Result<void>() : registry.migrate();
    m_registryReady = written.has_value();
    for (const auto& [keyId, when] : m_metrics.lastUsed()) {
        if (!written) {
            break;
        }
        written = registry.recordLastUsed(keyId, when);
    }
    if (!written) {
        m_ui.banner->showMessage(ErrorBanner::Level::Warning,
                                 tr("The keys' last-used times could not be saved."),
                                 written.error().text());
    }
}

void GatewayPage::showFailure(const Error& error)
{
    m_ui.health->setText(tr("no answer"));
    m_ui.banner->showMessage(ErrorBanner::Level::Error, error.message, error.hint);
}

} // namespace raysec::ui
