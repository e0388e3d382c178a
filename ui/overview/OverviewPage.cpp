#include "ui/overview/OverviewPage.h"

#include "core/cluster/ClusterMonitor.h"
#include "core/store/ProfileRepository.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/UiLogging.h"
#include "ui/overview/ClusterSummary.h"
#include "ui/overview/JobsPanel.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/ResourceBar.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

const PageRegistration registration{
    {QStringLiteral("overview"), QT_TRANSLATE_NOOP("raysec::ui::MainWindow", "Overview"), 0,
     [](ConsoleContext& context, QWidget* parent) { return new OverviewPage(context, parent); }}};

} // namespace

OverviewPage::OverviewPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    buildUi();
    connect(&m_context, &ConsoleContext::currentProfileChanged, this, &OverviewPage::showProfile);
    connect(&m_context, &ConsoleContext::snapshotUpdated, this, &OverviewPage::showSnapshot);
    connect(&m_context, &ConsoleContext::monitorChanged, this, &OverviewPage::attachMonitor);
    connect(m_ui.banner, &ErrorBanner::actionTriggered, this, &OverviewPage::pinCertificate);
    showProfile();
    attachMonitor();
    if (m_context.lastSnapshot()) {
        showSnapshot(*m_context.lastSnapshot());
    }
}

void OverviewPage::buildUi()
{
    m_ui.title = new QLabel(this);
    m_ui.title->setObjectName(QStringLiteral("pageTitle"));
    m_ui.title->setTextFormat(Qt::PlainText);
    m_ui.address = new QLabel(this);
    m_ui.address->setObjectName(QStringLiteral("mutedLabel"));
    m_ui.address->setTextFormat(Qt::PlainText);
    m_ui.address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ui.banner = new ErrorBanner(this);
    m_ui.notes = new ErrorBanner(this);
    m_ui.placeholder = new QLabel(this);
    m_ui.placeholder->setTextFormat(Qt::PlainText);
    m_ui.placeholder->setAlignment(Qt::AlignCenter);
    m_ui.placeholder->setObjectName(QStringLiteral("placeholder"));
    m_ui.placeholder->setWordWrap(true);

    m_ui.body = new QWidget(this);
    m_ui.summary = new ClusterSummary(m_ui.body);
    auto* jobsBox = new QGroupBox(tr("Jobs"), m_ui.body);
    m_ui.jobs = new JobsPanel(jobsBox);
    auto* jobsLayout = new QVBoxLayout(jobsBox);
    jobsLayout->addWidget(m_ui.jobs);
    auto* bodyLayout = new QVBoxLayout(m_ui.body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(12);
    bodyLayout->addWidget(m_ui.summary);
    bodyLayout->addWidget(buildResources());
    bodyLayout->addWidget(jobsBox, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);
    layout->addWidget(m_ui.title);
    layout->addWidget(m_ui.address);
    layout->addWidget(m_ui.banner);
    layout->addWidget(m_ui.notes);
    layout->addWidget(m_ui.placeholder, 1);
    layout->addWidget(m_ui.body, 1);
    layout->addWidget(buildFooter());
}

QWidget* OverviewPage::buildResources()
{
    auto* box = new QGroupBox(tr("Resources in use"), m_ui.body);
    auto* grid = new QGridLayout(box);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(10);
    const struct
    {
        const char* key;
        QString title;
        ResourceBar::Unit unit;
    } gauges[] = {
        {"CPU", tr("CPU"), ResourceBar::Unit::Count},
        {"GPU", tr("GPU"), ResourceBar::Unit::Count},
        {"memory", tr("Memory"), ResourceBar::Unit::Bytes},
        {"object_store_memory", tr("Object store"), ResourceBar::Unit::Bytes},
    };
    int position = 0;
    for (const auto& gauge : gauges) {
        auto* bar = new ResourceBar(gauge.title, gauge.unit, box);
        m_ui.resources.append({QString::fromLatin1(gauge.key), bar});
        grid->addWidget(bar, position / 2, position % 2);
        ++position;
    }
    return box;
}

QWidget* OverviewPage::buildFooter()
{
    auto* footer = new QWidget(this);
    m_ui.lastRefresh = new QLabel(footer);
    m_ui.lastRefresh->setObjectName(QStringLiteral("mutedLabel"));
    m_ui.lastRefresh->setTextFormat(Qt::PlainText);
    auto* intervalLabel = new QLabel(tr("Refresh &every"), footer);
    m_ui.interval = new QSpinBox(footer);
    m_ui.interval->setRange(1, 3600);
    m_ui.interval->setSuffix(tr(" s"));
    m_ui.interval->setAccessibleName(tr("Refresh interval in seconds"));
    intervalLabel->setBuddy(m_ui.interval);
    m_ui.refresh = new QPushButton(tr("&Refresh now"), footer);

    auto* layout = new QHBoxLayout(footer);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_ui.lastRefresh, 1);
    layout->addWidget(intervalLabel);
    layout->addWidget(m_ui.interval);
    layout->addWidget(m_ui.refresh);

    connect(m_ui.interval, &QSpinBox::editingFinished, this,
            [this] { changeInterval(m_ui.interval->value()); });
    connect(m_ui.refresh, &QPushButton::clicked, this, [this] {
        if (m_monitor) {
            m_monitor->refreshNow();
        }
    });
    return footer;
}

ResourceBar* OverviewPage::resourceBar(const QString& resource) const
{
    for (const auto& [key, bar] : m_ui.resources) {
        if (key == resource) {
            return bar;
        }
    }
    return nullptr;
}

QString OverviewPage::lastRefreshText() const
{
    return m_ui.lastRefresh->text();
}

void OverviewPage::showProfile()
{
    m_ui.banner->clear();
    m_ui.notes->clear();
    m_ui.summary->clear();
    m_ui.jobs->setJobs({}, QDateTime::currentDateTimeUtc());
    for (const auto& entry : m_ui.resources) {
        entry.second->setUnreported();
    }
    m_ui.lastRefresh->setText(tr("Not refreshed yet"));

    const auto& profile = m_context.currentProfile();
    m_ui.body->hide();
    m_ui.placeholder->show();
    m_ui.interval->setEnabled(profile.has_value());
    m_ui.refresh->setEnabled(profile.has_value());
    if (!profile) {
        m_ui.title->setText(tr("No cluster selected"));
        m_ui.address->clear();
        m_ui.placeholder->setText(
            tr("Add a cluster with \"Add cluster\" in the cluster list, or select one."));
        return;
    }
    m_ui.title->setText(profile->name);
    m_ui.address->setText(profile->dashboardUrl.toDisplayString());
    m_ui.placeholder->setText(tr("Connecting to %1…").arg(profile->name));
    m_ui.interval->setValue(profile->refreshSeconds);
}

void OverviewPage::showSnapshot(const ClusterSnapshot& snapshot)
{
    m_ui.placeholder->hide();
    m_ui.body->show();
    m_ui.banner->clear();
    m_ui.summary->showSnapshot(snapshot);
    for (const auto& [key, bar] : m_ui.resources) {
        const auto usage = snapshot.resources.constFind(key);
        if (usage == snapshot.resources.cend()) {
            bar->setUnreported();
        } else {
            bar->setUsage(usage->used, usage->total);
        }
    }
    m_ui.jobs->setJobs(snapshot.jobs, snapshot.fetchedAt);

    QStringList notes = snapshot.warnings;
    if (snapshot.plainHttp) {
        notes.prepend(tr("This connection uses plain http: the token and everything the "
                         "dashboard sends travel unencrypted."));
    }
    if (notes.isEmpty()) {
        m_ui.notes->clear();
    } else {
        m_ui.notes->showMessage(ErrorBanner::Level::Warning, notes.takeFirst(),
                                notes.join(QLatin1Char('\n')));
    }
    m_ui.lastRefresh->setText(
        tr("Last refreshed %1")
            .arg(QLocale().toString(snapshot.fetchedAt.toLocalTime().time(), QLocale::LongFormat)));
    m_paintPending = true;
    update();
}

void OverviewPage::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    if (m_paintPending) {
        m_paintPending = false;
        Q_EMIT snapshotPainted();
    }
}

void OverviewPage::attachMonitor()
{
    if (m_monitor) {
        disconnect(m_monitor, nullptr, this, nullptr);
    }
    m_monitor = m_context.monitor();
    if (!m_monitor) {
        return;
    }
    connect(m_monitor, &ClusterMonitor::failed, this, &OverviewPage::showFailure);
    connect(m_monitor, &ClusterMonitor::certificateUntrusted, this, &OverviewPage::showUntrusted);
}

void OverviewPage::showFailure(const Error& error)
{
    qCInfo(lcUiOverview) << "refresh failed:" << error.code;
    m_pendingPin.clear();
    m_ui.banner->showMessage(ErrorBanner::Level::Error, error.message, error.hint);
    if (!m_context.lastSnapshot()) {
        m_ui.placeholder->setText(tr("No data from the cluster yet."));
    }
}

void OverviewPage::showUntrusted(const QString& subject, const QString& fingerprint,
                                 const QString& spkiPin)
{
    qCInfo(lcUiOverview) << "untrusted certificate, fingerprint" << fingerprint;
    m_pendingPin = spkiPin;
    m_ui.banner->showMessage(
        ErrorBanner::Level::Error, tr("The cluster's certificate is not trusted."),
        tr("Subject: %1\nSHA-256 fingerprint: %2\nPin it only after checking this fingerprint "
           "with the cluster's administrator.")
            .arg(subject, fingerprint));
    m_ui.banner->setAction(tr("&Pin this certificate"));
}

void OverviewPage::pinCertificate()
{
    if (m_pendingPin.isEmpty() || !m_context.currentProfile()) {
        return;
    }
    ClusterProfile profile = *m_context.currentProfile();
    profile.trust = TrustMode::PinnedSpki;
    profile.pinnedSpkiSha256 = m_pendingPin;
    ProfileRepository repository(m_context.store());
    if (auto saved = repository.save(profile); !saved) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, saved.error().message,
                                 saved.error().hint);
        return;
    }
    qCInfo(lcUiOverview) << "pinned the certificate of" << profile.name;
    m_pendingPin.clear();
    // The main window reconnects with the new trust when the profile changes.
    m_context.setCurrentProfile(profile);
}

void OverviewPage::changeInterval(int seconds)
{
    if (!m_context.currentProfile()) {
        return;
    }
    ClusterProfile profile = *m_context.currentProfile();
    profile.refreshSeconds = seconds;
    ProfileRepository repository(m_context.store());
    if (auto saved = repository.save(profile); !saved) {
        m_ui.banner->showMessage(ErrorBanner::Level::Error, saved.error().message,
                                 saved.error().hint);
        return;
    }
    if (m_monitor) {
        m_monitor->setIntervalSeconds(seconds);
    }
}

} // namespace raysec::ui
