// The Audit page under the offscreen platform against raysec-sim: scan, filters, score, cancel
// and report export.

#include "support/SimProcess.h"
#include "support/TestMain.h"
#include "support/TestSupport.h"

#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "ui/ConsoleContext.h"
#include "ui/PageRegistry.h"
#include "ui/audit/AuditPage.h"
#include "ui/audit/AuditScan.h"
#include "ui/audit/FindingsFilterModel.h"
#include "ui/audit/FindingsModel.h"
#include "ui/widgets/ErrorBanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace raysec;
using namespace raysec::ui;

namespace {

QStringList shownChecks(const AuditPage& page)
{
    QStringList ids;
    for (int row = 0; row < page.filter()->rowCount(); ++row) {
        ids << page.filter()->index(row, FindingsModel::CheckColumn).data().toString();
    }
    ids.sort();
    return ids;
}

} // namespace

class TestAuditPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    Keychain m_keychain;
    std::unique_ptr<ConsoleContext> m_context;

    bool startSim(test::SimProcess& sim, const QStringList& extra)
    {
        QString error;
        const bool ok =
            sim.start({false,
                       {},
                       std::nullopt,
                       {},
                       QStringLiteral("token-off-2.52"),
                       QStringList{QStringLiteral("--tick-ms"), QStringLiteral("0")} + extra},
                      &error);
        if (!ok) {
            qWarning("raysec-sim did not start: %s", qPrintable(error));
        }
        return ok;
    }

    void selectSim(const test::SimProcess& sim)
    {
        ClusterProfile profile;
        profile.name = QStringLiteral("sim");
        profile.dashboardUrl = sim.url();
        m_context->setCurrentProfile(profile);
    }

    static bool scanned(AuditPage& page)
    {
        QSignalSpy done(&page, &AuditPage::scanFinished);
        page.scanButton()->click();
        return done.wait(60000);
    }

private Q_SLOTS:
    void init()
    {
        test::failOnWarnings();
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::make_unique<Database>(std::move(*db));
        m_context = std::make_unique<ConsoleContext>(*m_db, m_keychain);
    }

    void cleanup()
    {
        m_context.reset();
        m_db.reset();
    }

    void pageIsRegistered()
    {
        bool found = false;
        for (const PageFactory& page : PageRegistry::pages()) {
            found = found || page.id == QLatin1String("audit");
        }
        QVERIFY(found);
    }

    void scanListsFindingsScoreAndFilters()
    {
        test::SimProcess sim;
        QVERIFY(startSim(sim, {}));
        selectSim(sim);
        AuditPage page(*m_context);
        page.scan()->setPorts(QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}});
        QVERIFY(scanned(page));

        QCOMPARE(shownChecks(page),
                 QStringList({QStringLiteral("RAY-1.1"), QStringLiteral("RAY-2.1"),
                              QStringLiteral("RAY-4.1"), QStringLiteral("RAY-5.1"),
                              QStringLiteral("RAY-7.1"), QStringLiteral("RAY-8.1"),
                              QStringLiteral("RAY-9.1")}));
        QVERIFY2(page.score()->text().contains(QStringLiteral("7 failed")),
                 qPrintable(page.score()->text()));
        QVERIFY(!page.cancelButton()->isEnabled());

        page.severityFilter()->setCurrentIndex(
            page.severityFilter()->findData(int(Severity::Critical)));
        QCOMPARE(shownChecks(page),
                 QStringList({QStringLiteral("RAY-1.1"), QStringLiteral("RAY-5.1")}));
        page.severityFilter()->setCurrentIndex(0);
        page.textFilter()->setText(QStringLiteral("authentication_mode"));
        QCOMPARE(shownChecks(page), QStringList({QStringLiteral("RAY-2.1")}));

        page.table()->setCurrentIndex(page.filter()->index(0, 0));
        QVERIFY(page.details()->text().contains(QStringLiteral("RAY_AUTH_MODE")));
        QVERIFY(page.details()->text().contains(QStringLiteral("GET /api/authentication_mode")));
    }

    void scanCanBeCancelled()
    {
        test::SimProcess sim;
        QVERIFY(startSim(sim, {QStringLiteral("--latency-ms"), QStringLiteral("3000")}));
        selectSim(sim);
        AuditPage page(*m_context);
        page.scan()->setPorts(QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}});
        QSignalSpy done(&page, &AuditPage::scanFinished);
        QElapsedTimer timer;
        timer.start();
        page.scanButton()->click();
        QVERIFY(page.cancelButton()->isEnabled());
        QVERIFY(!page.scanButton()->isEnabled());
        QTest::qWait(300);
        page.cancelButton()->click();
        QVERIFY(done.wait(20000));

        // Fourteen checks at three seconds each would take well over half a minute.
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(page.report());
        QVERIFY(page.report()->run.cancelled);
        QVERIFY(page.banner()->message().contains(QStringLiteral("cancelled")));
        QVERIFY(page.scanButton()->isEnabled());
    }

    void exportedHtmlEscapesHostileEvidence()
    {
        test::SimProcess sim;
        QVERIFY(startSim(sim, {QStringLiteral("--hostile")}));
        selectSim(sim);
        AuditPage page(*m_context);
        page.scan()->setPorts(QList<PortSpec>{{test::closedPort(), QStringLiteral("GCS")}});
        QVERIFY(!page.exportReport(AuditPage::Format::Html, QStringLiteral("/nonexistent")));
        QVERIFY(scanned(page));

        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("report.html"));
        const QString sarif = dir.filePath(QStringLiteral("report.sarif"));
        QVERIFY(page.exportReport(AuditPage::Format::Html, html));
        QVERIFY(page.exportReport(AuditPage::Format::Sarif, sarif));
        const QByteArray page1 = test::readFile(html);
        QVERIFY(page1.contains("RAY-1.1"));
        // The hostile job entrypoints reach the evidence excerpts, escaped.
        QVERIFY(page1.contains("&lt;img src=x onerror=alert(1)&gt;"));
        QVERIFY(!page1.contains("<img"));
        QVERIFY(!page1.contains("<script"));
        QVERIFY(test::readFile(sarif).contains("\"version\": \"2.1.0\"") ||
                test::readFile(sarif).contains("\"version\":\"2.1.0\""));

        // The printable report: a real PDF whose text (read back by poppler's pdftotext) has
        // the findings and shows the hostile markup as the literal text it is.
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(page.exportReport(AuditPage::Format::Pdf, pdf));
        QVERIFY(test::readFile(pdf).startsWith("%PDF-"));
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(pdftotext.waitForFinished(30000), "pdftotext (poppler-utils) did not finish");
        QCOMPARE(pdftotext.exitCode(), 0);
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("RAY-1.1")), qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("RAY-2.1")));
        QVERIFY2(text.contains(QStringLiteral("<img src=x onerror=alert(1)>")),
                 qPrintable(text.left(4000)));
    }
};

QTEST_MAIN(TestAuditPage)
#include "tst_auditpage.moc"
