#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "ui/ConsoleContext.h"
#include "ui/demo/DemoCluster.h"
#include "ui/main/MainWindow.h"
#include "ui/overview/ClusterSummary.h"
#include "ui/overview/JobsModel.h"
#include "ui/overview/JobsPanel.h"
#include "ui/overview/OverviewPage.h"
#include "ui/widgets/ResourceBar.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace raysec;
using namespace raysec::ui;

// The console against the real simulator, over TLS with token auth, through the demo path.
class DemoOverviewTest : public QObject
{
    Q_OBJECT

private:
    struct Console
    {
        raysec::test::ScopedDataDir dataDir;
        std::unique_ptr<Database> db;
        Keychain keychain;
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<DemoCluster> demo;
    };

    // Starts the demo cluster and waits for the Overview's first snapshot.
    static bool startConsole(Console& console, const QStringList& simArguments)
    {
        auto db = Database::open(console.dataDir.filePath(QStringLiteral("raysec.sqlite")));
        if (!db) {
            return false;
        }
        console.db = std::make_unique<Database>(std::move(*db));
        console.window = std::make_unique<MainWindow>(*console.db, console.keychain);
        console.window->show();
        console.demo = std::make_unique<DemoCluster>(*console.db, console.keychain);
        MainWindow* window = console.window.get();
        connect(console.demo.get(), &DemoCluster::ready, window,
                [window](const ClusterProfile& profile) { window->openProfile(profile); });
        QString failure;
        connect(console.demo.get(), &DemoCluster::failed, window,
                [&failure](const Error& error) { failure = error.text(); });
        QSignalSpy snapshots(&window->context(), &ConsoleContext::snapshotUpdated);
        console.demo->start(raysec::test::builtProgram(QStringLiteral("raysec-sim")),
                            console.dataDir.filePath(QStringLiteral("sim")), simArguments);
        for (int waited = 0; snapshots.isEmpty() && failure.isEmpty() && waited < 60; ++waited) {
            snapshots.wait(1000);
        }
        if (!failure.isEmpty()) {
            qInfo("demo cluster failed: %s", qPrintable(failure));
        }
        return !snapshots.isEmpty();
    }

    static OverviewPage* overviewOf(Console& console)
    {
        return qobject_cast<OverviewPage*>(console.window->page(QStringLiteral("overview")));
    }

private Q_SLOTS:
    void init()
    {
        raysec::test::failOnWarnings();
        QVERIFY2(raysec::test::secretServiceAvailable(),
                 "needs a Secret Service: run under dbus-run-session with gnome-keyring");
    }

    void overviewFillsOverTlsAndToken()
    {
        Console console;
        QVERIFY(startConsole(console, {}));
        const ClusterSnapshot snapshot = *console.window->context().lastSnapshot();
        OverviewPage* overview = overviewOf(console);
        QVERIFY(overview);

        QVERIFY(!snapshot.plainHttp);
        QCOMPARE(overview->summary()->authText(), QStringLiteral("Token required"));
        QCOMPARE(overview->summary()->versionText(), snapshot.rayVersion);
        QVERIFY(snapshot.nodesAlive > 0);
        QVERIFY(overview->summary()->nodesText().startsWith(
            QStringLiteral("%1 alive").arg(snapshot.nodesAlive)));
        QVERIFY(!snapshot.jobs.isEmpty());
        QCOMPARE(overview->jobs()->model()->rowCount(), snapshot.jobs.size());
        QVERIFY(overview->resourceBar(QStringLiteral("CPU"))
                    ->figures()
                    .contains(QLatin1String(" of ")));

        // The demo profile trusts the simulator's own CA and keeps its token in the keychain.
        const ClusterProfile profile = *console.window->context().currentProfile();
        QCOMPARE(profile.trust, TrustMode::CaBundle);
        QCOMPARE(profile.auth, AuthMode::RayToken);
        std::optional<Result<SecretBuffer>> token;
        console.keychain.read(profile.keychainService(), QStringLiteral("token"), this,
                              [&token](Result<SecretBuffer> r) { token = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(token.has_value(), 10000);
        QVERIFY(token->has_value());
        QCOMPARE((*token)->size(), std::size_t(64));
        // The token appears nowhere in the store.
        const QByteArray store = raysec::test::readFile(console.db->path());
        QVERIFY(!store.contains(QByteArray((*token)->data(), 64)));
    }

    void hostileClusterTextShowsLiterally()
    {
        Console console;
        QVERIFY(startConsole(console, {QStringLiteral("--hostile")}));
        const ClusterSnapshot snapshot = *console.window->context().lastSnapshot();
        OverviewPage* overview = overviewOf(console);

        int markup = 0;
        QAbstractItemModel* model = overview->jobs()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString shown =
                model->data(model->index(row, JobsModel::EntrypointColumn)).toString();
            if (shown.contains(QLatin1Char('<'))) {
                ++markup;
                // Shown as the very characters the cluster sent (only control characters are
                // made visible).
                QVERIFY(
                    std::any_of(snapshot.jobs.begin(), snapshot.jobs.end(),
                                [&shown](const JobInfo& job) { return job.entrypoint == shown; }));
            }
        }
        QVERIFY2(markup > 0, "the hostile simulator sends markup in entrypoints");
        for (const QLabel* label : console.window->findChildren<QLabel*>()) {
            if (label->text().contains(QLatin1Char('<'))) {
                QCOMPARE(label->textFormat(), Qt::PlainText);
            }
        }
    }
};

QTEST_MAIN(DemoOverviewTest)
#include "tst_demooverview.moc"
