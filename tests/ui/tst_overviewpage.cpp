#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/cluster/ClusterMonitor.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/overview/ClusterSummary.h"
#include "ui/overview/JobsFilterModel.h"
#include "ui/overview/JobsModel.h"
#include "ui/overview/JobsPanel.h"
#include "ui/overview/OverviewPage.h"
#include "ui/widgets/ErrorBanner.h"
#include "ui/widgets/ResourceBar.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace raysec;
using namespace raysec::ui;

namespace {

const QString hostileImg = QStringLiteral("<img src=x onerror=alert(1)>");
const QString hostileBold = QStringLiteral("<b>x</b>");

ClusterSnapshot craftedSnapshot()
{
    ClusterSnapshot snapshot;
    snapshot.rayVersion = hostileBold;
    snapshot.sessionName = hostileImg;
    snapshot.authMode = AuthModeSeen::Disabled;
    snapshot.nodesAlive = 7;
    snapshot.nodesDead = 2;
    snapshot.resources.insert(QStringLiteral("CPU"), {12, 48});
    snapshot.resources.insert(QStringLiteral("memory"),
                              {64.0 * 1024 * 1024 * 1024, 256.0 * 1024 * 1024 * 1024});
    for (const QString& text : {hostileImg, hostileBold}) {
        JobInfo job;
        job.status = QStringLiteral("RUNNING");
        job.entrypoint = text;
        job.submissionId = text;
        job.startTime = QDateTime::currentDateTimeUtc().addSecs(-30);
        snapshot.jobs.append(job);
    }
    snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
    snapshot.warnings = {hostileImg};
    return snapshot;
}

ClusterProfile profile()
{
    ClusterProfile p;
    p.name = QStringLiteral("lab");
    p.dashboardUrl = QUrl(QStringLiteral("https://ray.example:8443"));
    return p;
}

} // namespace

class OverviewPageTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Keychain> m_keychain;
    std::unique_ptr<ConsoleContext> m_context;
    std::unique_ptr<OverviewPage> m_page;

private Q_SLOTS:
    void init()
    {
        raysec::test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        QVERIFY(ProfileRepository(*m_db).migrate());
        m_keychain = std::make_unique<Keychain>();
        m_context = std::make_unique<ConsoleContext>(*m_db, *m_keychain);

        // The page comes from the registry, as the main window creates it.
        const auto& pages = PageRegistry::pages();
        const auto overview = std::find_if(pages.begin(), pages.end(), [](const PageFactory& f) {
            return f.id == QLatin1String("overview");
        });
        QVERIFY(overview != pages.end());
        QWidget* widget = overview->create(*m_context, nullptr);
        m_page.reset(qobject_cast<OverviewPage*>(widget));
        QVERIFY(m_page);
        m_page->resize(1100, 800);
        m_page->show();
    }
    void cleanup()
    {
        m_page.reset();
        m_context.reset();
        m_keychain.reset();
        m_db.reset();
    }

    void fillsFromASnapshot()
    {
        QVERIFY(ProfileRepository(*m_db).save(profile()));
        m_context->setCurrentProfile(profile());
        QSignalSpy painted(m_page.get(), &OverviewPage::snapshotPainted);
        m_context->setSnapshot(craftedSnapshot());

        QCOMPARE(m_page->summary()->nodesText(), QStringLiteral("7 alive, 2 dead"));
        QCOMPARE(m_page->summary()->authText(), QStringLiteral("Disabled"));
        QVERIFY(m_page->summary()->authWarning().contains(QLatin1String("RAY_AUTH_MODE=token")));
        QCOMPARE(m_page->resourceBar(QStringLiteral("CPU"))->figures(),
                 QStringLiteral("12 of 48 (25%)"));
        QCOMPARE(m_page->resourceBar(QStringLiteral("GPU"))->figures(),
                 QStringLiteral("not reported"));
        QVERIFY(
            m_page->resourceBar(QStringLiteral("memory"))->figures().contains(QLatin1String("GB")));
        QCOMPARE(m_page->jobs()->proxy()->rowCount(), 2);
        QVERIFY(m_page->lastRefreshText().startsWith(QLatin1String("Last refreshed")));
        QVERIFY(painted.wait(2000));
    }

    void hostileStringsShowLiterally()
    {
        m_context->setCurrentProfile(profile());
        m_context->setSnapshot(craftedSnapshot());

        QCOMPARE(m_page->summary()->versionText(), hostileBold);
        // Every label on the page that shows cluster text is plain text, never rich text.
        int seen = 0;
        for (const QLabel* label : m_page->findChildren<QLabel*>()) {
            if (label->text().contains(QLatin1Char('<'))) {
                QCOMPARE(label->textFormat(), Qt::PlainText);
                ++seen;
            }
        }
        QVERIFY2(seen >= 3, "version, session and warning labels carry the hostile text");

        QTableView* view = m_page->jobs()->view();
        QStringList shown;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            shown.append(view->model()
                             ->data(view->model()->index(row, JobsModel::EntrypointColumn))
                             .toString());
        }
        shown.sort();
        QCOMPARE(shown, (QStringList{hostileBold, hostileImg}));
    }

    void untrustedCertificateCanBePinned()
    {
        QVERIFY(ProfileRepository(*m_db).save(profile()));
        m_context->setCurrentProfile(profile());
        ClusterMonitor monitor(profile(), m_keychain.get());
        m_context->setMonitor(&monitor);

        const QString pin = QStringLiteral("n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=");
        Q_EMIT monitor.certificateUntrusted(hostileBold, QStringLiteral("AB:CD:EF"), pin);
        ErrorBanner* banner = m_page->banner();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->detail().contains(QLatin1String("AB:CD:EF")));
        QVERIFY(banner->detail().contains(hostileBold));
        QVERIFY(banner->actionButton()->isVisible());

        QSignalSpy changed(m_context.get(), &ConsoleContext::currentProfileChanged);
        QTest::mouseClick(banner->actionButton(), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        auto stored = ProfileRepository(*m_db).find(QStringLiteral("lab"));
        QVERIFY(stored);
        QCOMPARE(stored->trust, TrustMode::PinnedSpki);
        QCOMPARE(stored->pinnedSpkiSha256, pin);
        QCOMPARE(m_context->currentProfile()->pinnedSpkiSha256, pin);
        m_context->setMonitor(nullptr);
    }

    void failureShowsInTheBanner()
    {
        m_context->setCurrentProfile(profile());
        ClusterMonitor monitor(profile(), m_keychain.get());
        m_context->setMonitor(&monitor);
        Q_EMIT monitor.failed(
            Error{QStringLiteral("http.403"), hostileImg, QStringLiteral("Check the token.")});
        QVERIFY(m_page->banner()->isVisible());
        QCOMPARE(m_page->banner()->message(), hostileImg);
        QVERIFY(!m_page->banner()->actionButton()->isVisible());

        // The next good snapshot clears it.
        m_context->setSnapshot(craftedSnapshot());
        QVERIFY(!m_page->banner()->isVisible());
        m_context->setMonitor(nullptr);
    }

    void noProfileShowsAPlaceholder()
    {
        m_context->setCurrentProfile(std::nullopt);
        QVERIFY(!m_page->jobs()->isVisible());
        QVERIFY(!m_page->intervalControl()->isEnabled());
    }
};

QTEST_MAIN(OverviewPageTest)
#include "tst_overviewpage.moc"
