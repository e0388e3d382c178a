#include "ui/main/MainWindow.h"

#include "core/cluster/ClusterMonitor.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/UiLogging.h"
#include "ui/main/ClusterListPanel.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/widgets/ConfirmationPrompt.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace raysec::ui {

MainWindow::MainWindow(Database& store, Keychain& keychain, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_keychain(keychain)
    , m_context(new ConsoleContext(store, keychain, this))
{
    setWindowTitle(tr("Raysec"));
    buildUi();
    buildPages();
    connect(m_context, &ConsoleContext::currentProfileChanged, this, &MainWindow::connectToProfile);
    reloadProfiles();
}

MainWindow::~MainWindow()
{
    if (m_monitor) {
        m_monitor->stop();
    }
}

void MainWindow::buildUi()
{
    m_ui.pages = new QStackedWidget(this);
    m_ui.pages->setObjectName(QStringLiteral("pages"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());
    layout->addWidget(m_ui.pages, 1);
    setCentralWidget(central);

    m_ui.status = new QLabel(this);
    m_ui.status->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_ui.status, 1);
    auto* version = new QLabel(tr("Raysec %1").arg(QApplication::applicationVersion()), this);
    version->setObjectName(QStringLiteral("mutedLabel"));
    statusBar()->addPermanentWidget(version);
    showStatus(tr("No cluster selected"), false);
    resize(1240, 820);
}

QWidget* MainWindow::buildSidebar()
{
    auto* sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setFixedWidth(250);

    auto* brand = new QLabel(tr("Raysec"), sidebar);
    brand->setObjectName(QStringLiteral("brand"));
    auto* tagline = new QLabel(tr("Ray cluster security console"), sidebar);
    tagline->setObjectName(QStringLiteral("tagline"));
    m_ui.clusters = new ClusterListPanel(sidebar);
    auto* pagesHeading = new QLabel(tr("&Pages"), sidebar);
    pagesHeading->setObjectName(QStringLiteral("sidebarHeading"));
    m_ui.navigation = new QListWidget(sidebar);
    m_ui.navigation->setObjectName(QStringLiteral("navigation"));
    m_ui.navigation->setAccessibleName(tr("Pages"));
    pagesHeading->setBuddy(m_ui.navigation);

    auto* layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(14, 16, 14, 14);
    layout->setSpacing(6);
    layout->addWidget(brand);
    layout->addWidget(tagline);
    layout->addSpacing(14);
    layout->addWidget(m_ui.clusters, 3);
    layout->addSpacing(14);
    layout->addWidget(pagesHeading);
    layout->addWidget(m_ui.navigation, 2);

    connect(m_ui.clusters, &ClusterListPanel::selectionChanged, this, &MainWindow::selectProfile);
    connect(m_ui.clusters, &ClusterListPanel::addRequested, this, &MainWindow::addCluster);
    connect(m_ui.clusters, &ClusterListPanel::editRequested, this, &MainWindow::editCluster);
    connect(m_ui.clusters, &ClusterListPanel::removeRequested, this, &MainWindow::removeCluster);
    connect(m_ui.navigation, &QListWidget::currentRowChanged, m_ui.pages,
            &QStackedWidget::setCurrentIndex);
    return sidebar;
}

void MainWindow::buildPages()
{
    for (const PageFactory& factory : PageRegistry::pages()) {
        QWidget* page = factory.create(*m_context, m_ui.pages);
        page->setObjectName(factory.id);
        m_ui.pages->addWidget(page);
        m_pageIds.append(factory.id);
        auto* item = new QListWidgetItem(
            QCoreApplication::translate("raysec::ui::MainWindow", factory.title), m_ui.navigation);
        item->setData(Qt::UserRole, factory.id);
        qCDebug(lcUiMain) << "page" << factory.id;
    }
    m_ui.navigation->setCurrentRow(0);
}

QWidget* MainWindow::page(const QString& id) const
{
    const qsizetype index = m_pageIds.indexOf(id);
    return index < 0 ? nullptr : m_ui.pages->widget(int(index));
}

QString MainWindow::statusText() const
{
    return m_ui.status->text();
}

void MainWindow::reloadProfiles(const QString& name)
{
    ProfileRepository repository(m_store);
    if (auto migrated = repository.migrate(); !migrated) {
        showFailure(migrated.error());
        return;
    }
    auto profiles = repository.list();
    if (!profiles) {
        showFailure(profiles.error());
        return;
    }
    QString selected = name.isEmpty() ? m_ui.clusters->selectedName() : name;
    if (selected.isEmpty() && !profiles->isEmpty()) {
        selected = profiles->first().name;
    }
    m_ui.clusters->setProfiles(*profiles, selected);
    if (m_ui.clusters->selectedName().isEmpty() && m_context->currentProfile()) {
        m_context->setCurrentProfile(std::nullopt);
    }
}

void MainWindow::selectProfile(const QString& name)
{
    const auto& current = m_context->currentProfile();
    if (current && current->name == name) {
        return;
    }
    if (name.isEmpty()) {
        m_context->setCurrentProfile(std::nullopt);
        return;
    }
    auto profile = ProfileRepository(m_store).find(name);
    if (!profile) {
        showFailure(profile.error());
        return;
    }
    m_ui.clusters->select(name);
    m_context->setCurrentProfile(*profile);
}

void MainWindow::addCluster()
{
    editCluster({});
}

void MainWindow::editCluster(const QString& name)
{
    std::optional<ClusterProfile> existing;
    if (!name.isEmpty()) {
        auto found = ProfileRepository(m_store).find(name);
        if (!found) {
            showFailure(found.error());
            return;
        }
        existing = *found;
    }
    auto* dialog = new ProfileDialog(m_store, m_keychain, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ClusterProfile saved = dialog->savedProfile();
        reloadProfiles(saved.name);
        // Reconnect even when the name is unchanged: the address or trust may differ.
        m_context->setCurrentProfile(saved);
        m_ui.clusters->select(saved.name);
    });
    dialog->open();
}

void MainWindow::removeCluster(const QString& name)
{
    if (name.isEmpty()) {
        return;
    }
    const bool confirmed = ConfirmationPrompt::confirm(
        this, {tr("Remove cluster"),
               tr("Remove the cluster \"%1\" and its token from the keychain? The cluster itself "
                  "is not touched.")
                   .arg(name),
               tr("Remove")});
    if (!confirmed) {
        return;
    }
    if (auto removed = ProfileRepository(m_store).remove(name); !removed) {
        showFailure(removed.error());
        return;
    }
    qCInfo(lcUiMain) << "removed profile" << name;
    m_keychain.remove(Keychain::profileService(name),
                      QString::fromLatin1(ClusterProfile::tokenEntry), this,
                      [this](Result<void> done) {
                          if (!done) {
                              showFailure(done.error());
                          }
                      });
    if (m_context->currentProfile() && m_context->currentProfile()->name == name) {
        m_context->setCurrentProfile(std::nullopt);
    }
    reloadProfiles();
    showStatus(tr("Removed %1.").arg(name), false);
}

void MainWindow::connectToProfile()
{
    m_context->setMonitor(nullptr);
    if (m_monitor) {
        m_monitor->stop();
        m_monitor->deleteLater();
        m_monitor = nullptr;
    }
    const auto& profile = m_context->currentProfile();
    if (!profile) {
        setWindowTitle(tr("Raysec"));
        showStatus(tr("No cluster selected"), false);
        return;
    }

    setWindowTitle(tr("%1 – Raysec").arg(profile->name));
    qCInfo(lcUiMain) << "connecting to" << profile->name;
    m_monitor = new ClusterMonitor(*profile, &m_keychain, this);
    connect(m_monitor, &ClusterMonitor::snapshotReady, this,
            [this](const ClusterSnapshot& snapshot) {
                m_context->setSnapshot(snapshot);
                showStatus(tr("Connected to %1 · refreshed %2")
                               .arg(m_context->currentProfile()->name,
                                    QLocale().toString(snapshot.fetchedAt.toLocalTime().time(),
                                                       QLocale::LongFormat)),
                           false);
            });
    connect(m_monitor, &ClusterMonitor::failed, this, &MainWindow::showFailure);
    m_context->setMonitor(m_monitor);
    showStatus(tr("Connecting to %1…").arg(profile->name), false);
    m_monitor->start();
}

void MainWindow::showStatus(const QString& text, bool problem)
{
    m_ui.status->setText(text);
    m_ui.status->setProperty("problem", problem);
    m_ui.status->style()->unpolish(m_ui.status);
    m_ui.status->style()->polish(m_ui.status);
}

void MainWindow::showFailure(const Error& error)
{
    showStatus(error.message, true);
}

} // namespace raysec::ui
