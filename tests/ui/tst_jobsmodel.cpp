#include "support/TestMain.h"

#include "ui/overview/JobsFilterModel.h"
#include "ui/overview/JobsModel.h"

#include <QTest>

using namespace raysec;
using namespace raysec::ui;

class JobsModelTest : public QObject
{
    Q_OBJECT

private:
    static JobInfo job(const QString& status, const QString& entrypoint, const QString& id,
                       std::optional<QDateTime> start = {}, std::optional<QDateTime> end = {})
    {
        JobInfo j;
        j.type = QStringLiteral("SUBMISSION");
        j.status = status;
        j.entrypoint = entrypoint;
        j.submissionId = id;
        j.startTime = start;
        j.endTime = end;
        return j;
    }
    const QDateTime m_now = QDateTime(QDate(2026, 12, 3), QTime(12, 0), Qt::UTC);

private Q_SLOTS:
    void init() { raysec::test::failOnWarnings(); }

    void hostileTextIsReturnedLiterally_data()
    {
        QTest::addColumn<QString>("entrypoint");
        QTest::newRow("img onerror") << QStringLiteral("<img src=x onerror=alert(1)>");
        QTest::newRow("bold") << QStringLiteral("<b>x</b>");
        QTest::newRow("script") << QStringLiteral("<script>alert('x')</script>");
        QTest::newRow("entity") << QStringLiteral("&lt;b&gt; &amp; &#x41;");
        QTest::newRow("link") << QStringLiteral("<a href='file:///etc/passwd'>click</a>");
    }
    void hostileTextIsReturnedLiterally()
    {
        QFETCH(QString, entrypoint);
        JobsModel model;
        model.setJobs({job(QStringLiteral("RUNNING"), entrypoint, entrypoint)}, m_now);

        const QModelIndex cell = model.index(0, JobsModel::EntrypointColumn);
        QCOMPARE(model.data(cell).toString(), entrypoint);
        QCOMPARE(model.data(model.index(0, JobsModel::SubmissionIdColumn)).toString(), entrypoint);
        // A tooltip is rendered as rich text when it looks like markup: it must be escaped.
        const QString tip = model.data(cell, Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(entrypoint.toHtmlEscaped()));
        QVERIFY(!tip.contains(entrypoint));
    }

    void controlCharactersBecomeVisible()
    {
        JobsModel model;
        const QString entry = QStringLiteral("python a.py\n\x1b[31mred\r");
        model.setJobs({job(QStringLiteral("RUNNING"), entry, QStringLiteral("s1"))}, m_now);
        const QString shown = model.data(model.index(0, JobsModel::EntrypointColumn)).toString();
        QVERIFY(!shown.contains(QLatin1Char('\n')));
        QVERIFY(!shown.contains(QChar(0x1b)));
        QCOMPARE(shown, QStringLiteral("python a.py\u240a\u241b[31mred\u240d"));
    }

    void durations()
    {
        JobsModel model;
        model.setJobs({job(QStringLiteral("RUNNING"), QStringLiteral("a"), QStringLiteral("r"),
                           m_now.addSecs(-125)),
                       job(QStringLiteral("SUCCEEDED"), QStringLiteral("b"), QStringLiteral("s"),
                           m_now.addSecs(-7200), m_now.addSecs(-3600 + 300)),
                       job(QStringLiteral("FAILED"), QStringLiteral("c"), QStringLiteral("f"),
                           m_now.addSecs(-50)),
                       job(QStringLiteral("PENDING"), QStringLiteral("d"), QStringLiteral("p"))},
                      m_now);
        auto duration = [&](int row) {
            return model.data(model.index(row, JobsModel::DurationColumn)).toString();
        };
        QCOMPARE(duration(0), QStringLiteral("2 min 05 s"));
        QCOMPARE(duration(1), QStringLiteral("1 h 05 min"));
        QCOMPARE(duration(2), QString()); // finished without an end time: unknown, not 0
        QCOMPARE(duration(3), QString());
        QCOMPARE(JobsModel::formatDuration(42), QStringLiteral("42 s"));
    }

    void sortsByRawValues()
    {
        JobsModel model;
        // As text, "9 s" would sort after "10 min"; as numbers it must come first.
        model.setJobs({job(QStringLiteral("RUNNING"), QStringLiteral("long"), QStringLiteral("a"),
                           m_now.addSecs(-600)),
                       job(QStringLiteral("RUNNING"), QStringLiteral("short"), QStringLiteral("b"),
                           m_now.addSecs(-9)),
                       job(QStringLiteral("PENDING"), QStringLiteral("none"), QStringLiteral("c"))},
                      m_now);
        JobsFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(JobsModel::DurationColumn, Qt::AscendingOrder);
        auto entry = [&](int row) {
            return proxy.data(proxy.index(row, JobsModel::EntrypointColumn)).toString();
        };
        QCOMPARE(entry(0), QStringLiteral("none"));
        QCOMPARE(entry(1), QStringLiteral("short"));
        QCOMPARE(entry(2), QStringLiteral("long"));

        proxy.sort(JobsModel::StartColumn, Qt::DescendingOrder);
        QCOMPARE(entry(0), QStringLiteral("short"));
        QCOMPARE(entry(2), QStringLiteral("none"));
    }

    void filtersByStatusAndLiteralText_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all") << QString() << QString()
                             << QStringList{QStringLiteral("train.py"), QStringLiteral("a.*b"),
                                            QStringLiteral("<b>x</b>")};
        QTest::newRow("status") << QStringLiteral("FAILED") << QString()
                                << QStringList{QStringLiteral("a.*b")};
        QTest::newRow("regex characters are literal")
            << QString() << QStringLiteral(".*") << QStringList{QStringLiteral("a.*b")};
        QTest::newRow("markup is literal")
            << QString() << QStringLiteral("<B>") << QStringList{QStringLiteral("<b>x</b>")};
        QTest::newRow("submission id")
            << QString() << QStringLiteral("raysubmit_2") << QStringList{QStringLiteral("a.*b")};
        QTest::newRow("status and text")
            << QStringLiteral("RUNNING") << QStringLiteral("a.*") << QStringList{};
    }
    void filtersByStatusAndLiteralText()
    {
        QFETCH(QString, status);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        JobsModel model;
        model.setJobs(
            {job(QStringLiteral("RUNNING"), QStringLiteral("train.py"),
                 QStringLiteral("raysubmit_1")),
             job(QStringLiteral("FAILED"), QStringLiteral("a.*b"), QStringLiteral("raysubmit_2")),
             job(QStringLiteral("SUCCEEDED"), QStringLiteral("<b>x</b>"),
                 QStringLiteral("raysubmit_3"))},
            m_now);
        JobsFilterModel proxy;
        proxy.setSourceModel(&model);
        proxy.setStatusFilter(status);
        proxy.setTextFilter(text);
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            shown.append(proxy.data(proxy.index(row, JobsModel::EntrypointColumn)).toString());
        }
        QCOMPARE(shown, expected);
    }
};

QTEST_MAIN(JobsModelTest)
#include "tst_jobsmodel.moc"
