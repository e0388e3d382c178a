#pragma once

#include "core/common/Error.h"
#include "core/store/ClusterProfile.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace raysec {
class ClusterMonitor;
class Database;
class Keychain;
} // namespace raysec

namespace raysec::ui {

class ClusterListPanel;
class ConsoleContext;

// The console's window: the cluster list and the page navigation in a sidebar, the registered
// pages beside it, and a status bar. It owns the context the pages share and the monitor that
// polls the selected cluster.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database& store, Keychain& keychain, QWidget* parent = nullptr);
    ~MainWindow() override;

    ConsoleContext& context() { return *m_context; }
    ClusterListPanel* clusterList() const { return m_ui.clusters; }
    QListWidget* navigation() const { return m_ui.navigation; }
    // The page registered under id, or null.
    QWidget* page(const QString& id) const;
    QString statusText() const;

    // Reloads the profiles from the store and selects `name` (or keeps the selection).
    void reloadProfiles(const QString& name = {});
    void selectProfile(const QString& name);
    void addCluster();
    void editCluster(const QString& name);
    void removeCluster(const QString& name);

private:
    void buildUi();
    QWidget* buildSidebar();
    void buildPages();
    void connectToProfile();
    void showStatus(const QString& text, bool problem);
    void showFailure(const Error& error);

    struct Ui
    {
        ClusterListPanel* clusters = nullptr;
        QListWidget* navigation = nullptr;
        QStackedWidget* pages = nullptr;
        QLabel* status = nullptr;
    };
    Ui m_ui;
    Database& m_store;
    Keychain& m_keychain;
    ConsoleContext* m_context = nullptr;
    ClusterMonitor* m_monitor = nullptr;
    QStringList m_pageIds;
};

} // namespace raysec::ui
