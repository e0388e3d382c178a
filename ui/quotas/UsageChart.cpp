#include "ui/quotas/UsageChart.h"

#include "core/quotas/UsageHistory.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace raysec::ui {

UsageChart::UsageChart(Database& store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_metric(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_view(new QChartView(new QChart, this))
    , m_error(new QLabel(this))
{
    m_metric->addItem(tr("CPU"), QStringLiteral("CPU"));
    m_metric->addItem(tr("GPU"), QStringLiteral("GPU"));
    m_metric->addItem(tr("Memory (bytes)"), QStringLiteral("memory"));
    m_metric->addItem(tr("Active jobs"), QStringLiteral("jobs"));
    m_period->addItem(tr("Last hour"), 1);
    m_period->addItem(tr("Last 24 hours"), 24);
    m_period->addItem(tr("Last 7 days"), 24 * 7);
    m_period->addItem(tr("Last 30 days"), 24 * 30);
    m_period->setCurrentIndex(1);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &UsageChart::reload);
    connect(m_period, &QComboBox::currentIndexChanged, this, &UsageChart::reload);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Metric:"), this));
    controls->addWidget(m_metric);
    controls->addWidget(new QLabel(tr("Period:"), this));
    controls->addWidget(m_period);
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
}

QChart* UsageChart::chart() const
{
    return m_view->chart();
}

void UsageChart::setTeams(const QStringList& teams)
{
    m_teams = teams;
    reload();
}

void UsageChart::reload()
{
    QChart* chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime from = now.addSecs(-3600LL * m_period->currentData().toInt());
    const QString metric = m_metric->currentData().toString();
    auto* timeAxis = new QDateTimeAxis;
    timeAxis->setFormat(QStringLiteral("dd.MM hh:mm"));
    timeAxis->setRange(from.toLocalTime(), now.toLocalTime());
    auto* valueAxis = new QValueAxis;
    valueAxis->setMin(0);
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);

    double top = 1;
    m_error->hide();
    UsageHistory history(m_store);
    for (const QString& team : m_teams) {
        auto samples = history.series(QStringLiteral("team:") + team, metric, from);
        if (!samples) {
            m_error->setText(samples.error().text());
            m_error->show();
            return;
        }
        auto* series = new QLineSeries;
        series->setName(team);
        series->setPointsVisible(true);
        for (const UsageHistory::Sample& sample : *samples) {
            series->append(double(sample.at.toMSecsSinceEpoch()), sample.value);
            top = std::max(top, sample.value);
        }
        chart->addSeries(series);
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    }
    valueAxis->setMax(top * 1.1);
}

} // namespace raysec::ui
