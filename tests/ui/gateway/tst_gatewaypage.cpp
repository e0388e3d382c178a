#include "core/gatewayclient/FakeGatewayAdmin.h"
#include "core/gatewayclient/JobPolicyStore.h"
#include "core/keys/KeyRegistry.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "support/TestMain.h"
#include "ui/ConsoleContext.h"
#include "ui/gateway/GatewayDashboard.h"
#include "ui/gateway/GatewayPage.h"
#include "ui/gateway/JobPolicyDialog.h"
#include "ui/gateway/RouteRatesModel.h"
#include "ui/gateway/TopTalkersModel.h"
#include "ui/widgets/ErrorBanner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace raysec;
using raysec::test::FakeGatewayAdmin;

namespace {

const QByteArray before =
    "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_a\","
    "status=\"200\"} 0\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"0.01\"} 0\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"0.1\"} 0\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"1\"} 0\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"+Inf\"} 0\n"
    "raysec_gateway_bundle_version{bundle=\"registry\"} 5\n";

const QByteArray after =
    "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_a\","
    "status=\"200\"} 80\n"
    "raysec_gateway_requests_total{route=\"jobs-read\",key=\"k_b\","
    "status=\"429\"} 20\n"
    "raysec_gateway_requests_total{route=\"jobs-submit\",key=\"k_a\","
    "status=\"200\"} 5\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"0.01\"} 50\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"0.1\"} 90\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"1\"} 100\n"
    "raysec_gateway_request_duration_seconds_bucket{route=\"jobs-read\",le=\"+Inf\"} 100\n"
    "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"0.01\"} 85\n"
    "raysec_gateway_key_request_duration_seconds_bucket{key=\"k_a\",le=\"+Inf\"} 85\n"
    "raysec_gateway_bundle_version{bundle=\"registry\"} 6\n";

} // namespace

class TestGatewayPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("store.db")));
        QVERIFY(db.has_value());
        m_db.emplace(std::move(*db));
        m_context.emplace(*m_db, m_keychain);
    }

    void init() { raysec::test::failOnWarnings(); }

    void refusesAddressesOffLoopback()
    {
        ui::GatewayPage page(*m_context);
        page.findChild<QLineEdit*>(QStringLiteral("gatewayAddress"))
            ->setText(QStringLiteral("10.0.0.8:9464"));
        QVERIFY(!page.startPolling());
        QVERIFY(!page.polling());
        auto* banner = page.findChild<ui::ErrorBanner*>();
        QVERIFY(banner->message().contains(QStringLiteral("loopback")));
    }

    void pollsAndDrawsTheDashboard()
    {
        FakeGatewayAdmin admin;
        admin.set("/-/healthz", {{200, "ok"}});
        admin.set("/metrics", {{200, before}, {200, after}});
        ui::GatewayPage page(*m_context);
        page.findChild<QLineEdit*>(QStringLiteral("gatewayAddress"))->setText(admin.address());
        page.findChild<QSpinBox*>()->setValue(1);
        QSignalSpy updated(&page, &ui::GatewayPage::statusUpdated);
        QVERIFY(page.startPolling());
        QVERIFY(page.polling());
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 2, 10000);

        const auto report = updated.at(1).at(0).value<GatewayStatusReport>();
        QCOMPARE(report.bundleVersions.at(QStringLiteral("registry")), 6);
        ui::GatewayDashboard* dashboard = page.dashboard();
        QVERIFY(dashboard->requestSeries(QStringLiteral("k_a")) != nullptr);
        QCOMPARE(dashboard->requestSeries(QStringLiteral("k_a"))->count(), 1);
        QVERIFY(dashboard->requestSeries(QStringLiteral("k_a"))->at(0).y() > 0);
        QVERIFY(dashboard->tooManySeries(QStringLiteral("k_b"))->at(0).y() > 0);
        QCOMPARE(dashboard->latencySeries(95)->at(0).y(), 550.0);
        QCOMPARE(dashboard->talkers()->rowCount(), 2);
        QCOMPARE(dashboard->talkers()->index(0, 0).data().toString(), QStringLiteral("k_a"));
        const QAbstractItemModel* talkers = dashboard->talkers();
        QVERIFY(!talkers->index(0, ui::TopTalkersModel::LastUsed).data().toString().isEmpty());
        // k_a's own histogram: all 85 within 10 ms. k_b has none, so no figure.
        QCOMPARE(talkers->index(0, ui::TopTalkersModel::P99).data().toString(),
                 ui::RouteRatesModel::milliseconds(0.0099));
        QCOMPARE(talkers->index(1, ui::TopTalkersModel::Key).data().toString(),
                 QStringLiteral("k_b"));
        QVERIFY(talkers->index(1, ui::TopTalkersModel::P99).data().toString().isEmpty());
        // Per route, busiest first: jobs-read with its 429s and latency, then jobs-submit,
        // which has no latency series of its own.
        const ui::RouteRatesModel* routes = dashboard->routes();
        QCOMPARE(routes->rowCount(), 2);
        QCOMPARE(routes->index(0, ui::RouteRatesModel::Route).data().toString(),
                 QStringLiteral("jobs-read"));
        QVERIFY(routes->index(0, ui::RouteRatesModel::TooManyPerSecond).data().toString() !=
                QLocale().toString(0.0, 'f', 2));
        QVERIFY(!routes->index(0, ui::RouteRatesModel::P99).data().toString().isEmpty());
        QCOMPARE(routes->index(1, ui::RouteRatesModel::Route).data().toString(),
                 QStringLiteral("jobs-submit"));
        QCOMPARE(routes->index(1, ui::RouteRatesModel::TooManyPerSecond).data().toString(),
                 QLocale().toString(0.0, 'f', 2));
        QVERIFY(routes->index(1, ui::RouteRatesModel::P99).data().toString().isEmpty());

        page.findChild<QPushButton*>(QStringLiteral("gatewayStart"))->click();
        QVERIFY(!page.polling());
    }

    void writesLastUseIntoTheKeyRegistry()
    {
        KeyRegistry registry(*m_db);
        QVERIFY(registry.migrate());
        // Whole seconds, as the registry stores them.
        const QDateTime earlier =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC).addDays(-3);
        for (const char* id : {"k_a", "k_idle"}) {
            ApiKeyRecord record;
            record.id = QString::fromLatin1(id);
            record.owner = QStringLiteral("ci");
            record.team = QStringLiteral("ml");
            record.scopes = 1;
            record.created = earlier.addDays(-1);
            record.notBefore = record.created;
            record.lastUsed = earlier;
            const auto inserted = registry.insert(record);
            QVERIFY2(inserted, inserted ? "" : qPrintable(inserted.error().text()));
        }

        FakeGatewayAdmin admin;
        admin.set("/-/healthz", {{200, "ok"}});
        admin.set("/metrics", {{200, before}, {200, after}});
        ui::GatewayPage page(*m_context);
        page.findChild<QLineEdit*>(QStringLiteral("gatewayAddress"))->setText(admin.address());
        page.findChild<QSpinBox*>()->setValue(1);
        QSignalSpy updated(&page, &ui::GatewayPage::statusUpdated);
        QVERIFY(page.startPolling());
        QTRY_VERIFY_WITH_TIMEOUT(updated.count() >= 2, 10000);
        page.stopPolling();

        // k_a served requests between the two scrapes; k_idle did not; k_b is not in this
        // registry and is skipped.
        QVERIFY(registry.find(QStringLiteral("k_a"))->lastUsed > earlier.addDays(2));
        QCOMPARE(registry.find(QStringLiteral("k_idle"))->lastUsed, earlier);
        QVERIFY(!registry.find(QStringLiteral("k_b")));

        // An older time never moves a last use back.
        QVERIFY(registry.recordLastUsed(QStringLiteral("k_idle"), earlier.addDays(-1)));
        QCOMPARE(registry.find(QStringLiteral("k_idle"))->lastUsed, earlier);
    }

    void silentGatewayNeverBlocksTheGuiThread()
    {
        FakeGatewayAdmin admin; // never answers
        ui::GatewayPage page(*m_context);
        page.findChild<QLineEdit*>(QStringLiteral("gatewayAddress"))->setText(admin.address());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(page.startPolling());
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(page.polling());
        page.stopPolling();
    }

    void jobPolicyIsEditedSavedAndReset()
    {
        ui::GatewayPage page(*m_context);
        QVERIFY(page.findChild<QPushButton*>(QStringLiteral("gatewayJobPolicy")));

        JobPolicyStore store(*m_db);
        {
            ui::JobPolicyDialog dialog(*m_db);
            // Nothing saved yet: the form shows the recommended policy.
            QVERIFY(dialog.hostsEdit()->toPlainText().contains(QStringLiteral("pypi.org")));
            QVERIFY(dialog.sourceLabel()->text().contains(QStringLiteral("recommended")));
            dialog.hostsEdit()->setPlainText(QStringLiteral(" pypi.org \n\n*.corp.example\n"));
            dialog.schemesEdit()->setPlainText(QStringLiteral("gcs\ns3"));
            dialog.programsEdit()->setPlainText(QStringLiteral("python3"));
            dialog.forbiddenEdit()->setPlainText(QStringLiteral("curl\nnc \n  \n|"));
            dialog.lengthBox()->setValue(2000);
            QVERIFY(dialog.save());
            QVERIFY(dialog.sourceLabel()->text().startsWith(QStringLiteral("Saved.")));
        }
        auto saved = store.load();
        QVERIFY(saved && saved->has_value());
        const JobPolicy& policy = **saved;
        QCOMPARE(policy.allowedHosts,
                 QStringList({QStringLiteral("pypi.org"), QStringLiteral("*.corp.example")}));
        QCOMPARE(policy.allowedSchemes, QStringList({QStringLiteral("gcs"), QStringLiteral("s3")}));
        QCOMPARE(policy.allowedPrograms, QStringList({QStringLiteral("python3")}));
        // The space after nc counts and is kept; a blank line is not an entry.
        QCOMPARE(policy.forbiddenTokens,
                 QStringList({QStringLiteral("curl"), QStringLiteral("nc "), QStringLiteral("|")}));
        QCOMPARE(policy.maxEntrypointLength, 2000);

        ui::JobPolicyDialog reopened(*m_db);
        QCOMPARE(reopened.programsEdit()->toPlainText(), QStringLiteral("python3"));
        QCOMPARE(reopened.lengthBox()->value(), 2000);
        QVERIFY(reopened.resetToRecommended());
        auto afterReset = store.load();
        QVERIFY(afterReset && !afterReset->has_value());
        QCOMPARE(reopened.policy().allowedPrograms, JobPolicy::defaults().allowedPrograms);
    }

    // Forgetting the saved policy asks first, and No keeps it.
    void useRecommendedPolicyAsksFirst()
    {
        JobPolicyStore store(*m_db);
        JobPolicy saved = JobPolicy::defaults();
        saved.allowedPrograms = {QStringLiteral("python3")};
        QVERIFY(store.save(saved));
        ui::JobPolicyDialog dialog(*m_db);
        dialog.show();
        bool asked = false;
        const auto answerWith = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&asked, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                asked = box != nullptr;
                if (box) {
                    box->button(button)->click();
                }
            });
        };
        answerWith(QMessageBox::No);
        dialog.resetButton()->click();
        QVERIFY(asked);
        auto kept = store.load();
        QVERIFY(kept && kept->has_value());
        QCOMPARE(dialog.policy().allowedPrograms, saved.allowedPrograms);

        asked = false;
        answerWith(QMessageBox::Yes);
        dialog.resetButton()->click();
        QVERIFY(asked);
        auto forgotten = store.load();
        QVERIFY(forgotten && !forgotten->has_value());
        QCOMPARE(dialog.policy().allowedPrograms, JobPolicy::defaults().allowedPrograms);
    }

    void jobPolicyDialogRefusesBadEntries_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("text");
        QTest::newRow("host with scheme") << 0 << "https://pypi.org";
        QTest::newRow("scheme with separator") << 1 << "s3://";
        QTest::newRow("program with arguments") << 2 << "python -c";
    }

    void jobPolicyDialogRefusesBadEntries()
    {
        QFETCH(int, field);
        QFETCH(QString, text);
        JobPolicyStore store(*m_db);
        JobPolicy kept = JobPolicy::defaults();
        kept.allowedPrograms = {QStringLiteral("python")};
        QVERIFY(store.save(kept));

        ui::JobPolicyDialog dialog(*m_db);
        QPlainTextEdit* edits[] = {dialog.hostsEdit(), dialog.schemesEdit(), dialog.programsEdit()};
        edits[field]->appendPlainText(text);
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.banner()->message().contains(text), qPrintable(dialog.banner()->message()));
        // The form keeps the entry for correcting; the store keeps the policy it had.
        QVERIFY(edits[field]->toPlainText().contains(text));
        auto stored = store.load();
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->toJson().dump(), kept.toJson().dump());
        QVERIFY(store.reset());
    }

private:
    QTemporaryDir m_dir;
    Keychain m_keychain;
    std::optional<Database> m_db;
    std::optional<ui::ConsoleContext> m_context;
};

QTEST_MAIN(TestGatewayPage)
#include "tst_gatewaypage.moc"
