#include "ui/gateway/GatewayDashboard.h"

#include "ui/gateway/RouteRatesModel.h"
#include "ui/gateway/TopTalkersModel.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHeaderView>
#include <QLineSeries>
#include <QTableView>
#include <QValueAxis>

#include <algorithm>

namespace raysec::ui {

namespace {

QString keyLabel(const QString& key)
{
    return key.isEmpty() ? GatewayDashboard::tr("(no key)") : key;
}

QString percentileName(int percentile)
{
    return QStringLiteral("p%1").arg(percentile);
}

} // namespace

GatewayDashboard::GatewayDashboard(QWidget* parent)
    : QWidget(parent)
    , m_requests(makeChart(tr("Requests per key"), tr("requests/s")))
    , m_tooMany(makeChart(tr("429 refusals per key"), tr("429/s")))
    , m_latency(makeChart(tr("Latency percentiles"), tr("ms")))
    , m_talkers(new TopTalkersModel(this))
    , m_table(new QTableView(this))
    , m_routes(new RouteRatesModel(this))
    , m_routeTable(new QTableView(this))
{
    const std::pair<QTableView*, QAbstractItemModel*> tables[] = {{m_table, m_talkers},
                                                                  {m_routeTable, m_routes}};
    for (const auto& [table, model] : tables) {
        table->setModel(model);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
    }
    m_table->setAccessibleName(tr("Top talkers"));
    m_routeTable->setAccessibleName(tr("Traffic per route"));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (Chart* chart : {&m_requests, &m_tooMany, &m_latency}) {
        chart->view->setParent(this);
    }
    layout->addWidget(m_requests.view, 0, 0);
    layout->addWidget(m_tooMany.view, 0, 1);
    layout->addWidget(m_latency.view, 1, 0);
    layout->addWidget(m_table, 1, 1);
    layout->addWidget(m_routeTable, 2, 0, 1, 2);
}

GatewayDashboard::Chart GatewayDashboard::makeChart(const QString& title, const QString& unit)
{
    Chart c;
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.x = new QValueAxis(c.chart);
    c.x->setTitleText(tr("seconds"));
    c.x->setLabelFormat(QStringLiteral("%d"));
    c.y = new QValueAxis(c.chart);
    c.y->setTitleText(unit);
    c.y->setMin(0);
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    // The view owns the chart from here on.
    c.view = new QChartView(c.chart);
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumHeight(200);
    return c;
}

void GatewayDashboard::append(Chart& chart, const QString& name, double x, double y, bool create)
{
    auto it = chart.series.find(name);
    if (it == chart.series.end()) {
        if (!create || int(chart.series.size()) >= maxKeySeries) {
            return;
        }
        auto* series = new QLineSeries(chart.chart);
        series->setName(name);
        chart.chart->addSeries(series);
        series->attachAxis(chart.x);
        series->attachAxis(chart.y);
        it = chart.series.emplace(name, series).first;
    }
    it->second->append(x, y);
    if (it->second->count() > maxPoints) {
        it->second->removePoints(0, it->second->count() - maxPoints);
    }
}

void GatewayDashboard::rescale(Chart& chart, double x)
{
    double top = 0;
    double first = x;
    for (const auto& [name, series] : chart.series) {
        for (const QPointF& point : series->points()) {
            top = std::max(top, point.y());
            first = std::min(first, point.x());
        }
    }
    chart.x->setRange(first, std::max(x, first + 1));
    chart.y->setRange(0, top > 0 ? top * 1.1 : 1);
}

void GatewayDashboard::addRates(double elapsedSeconds, const GatewayRates& rates,
                                const std::map<QString, QDateTime>& lastUsed)
{
    // A key gets its own line once it is among the top talkers; it then keeps it, with zeros
    // when it goes quiet, so the lines stay continuous.
    for (const GatewayTalker& talker : rates.topTalkers) {
        append(m_requests, keyLabel(talker.key), elapsedSeconds, talker.requestsPerSecond, true);
        append(m_tooMany, keyLabel(talker.key), elapsedSeconds, talker.tooManyPerSecond, true);
    }
    for (Chart* chart : {&m_requests, &m_tooMany}) {
        for (const auto& [name, series] : chart->series) {
            if (series->count() == 0 || series->at(series->count() - 1).x() < elapsedSeconds) {
                const auto& source =
                    chart == &m_requests ? rates.requestsPerKey : rates.tooManyPerKey;
                const auto value = std::find_if(source.begin(), source.end(), [&](const auto& v) {
                    return keyLabel(v.first) == name;
                });
                append(*chart, name, elapsedSeconds, value == source.end() ? 0.0 : value->second,
                       false);
            }
        }
    }
    const std::pair<int, std::optional<double>> percentiles[] = {
        {50, rates.p50}, {95, rates.p95}, {99, rates.p99}};
    for (const auto& [percentile, seconds] : percentiles) {
        if (seconds) {
            append(m_latency, percentileName(percentile), elapsedSeconds, *seconds * 1000, true);
        }
    }
    for (Chart* chart : {&m_requests, &m_tooMany, &m_latency}) {
        rescale(*chart, elapsedSeconds);
    }
    m_talkers->setTalkers(rates.topTalkers, lastUsed);
    m_routes->setRoutes(rates.routes);
}

void GatewayDashboard::clear()
{
    for (Chart* chart : {&m_requests, &m_tooMany, &m_latency}) {
        chart->chart->removeAllSeries();
        chart->series.clear();
    }
    m_talkers->setTalkers({}, {});
    m_routes->setRoutes({});
}

QLineSeries* GatewayDashboard::requestSeries(const QString& key) const
{
    const auto it = m_requests.series.find(keyLabel(key));
    return it == m_requests.series.end() ? nullptr : it->second;
}

QLineSeries* GatewayDashboard::tooManySeries(const QString& key) const
{
    const auto it = m_tooMany.series.find(keyLabel(key));
    return it == m_tooMany.series.end() ? nullptr : it->second;
}

QLineSeries* GatewayDashboard::latencySeries(int percentile) const
{
    const auto it = m_latency.series.find(percentileName(percentile));
    return it == m_latency.series.end() ? nullptr : it->second;
}

} // namespace raysec::ui
