#pragma once

#include "core/gatewayclient/GatewayMetrics.h"

#include <QWidget>

#include <map>

class QChart;
class QChartView;
class QLineSeries;
class QTableView;
class QValueAxis;

namespace raysec::ui {

class RouteRatesModel;
class TopTalkersModel;

// The gateway's rate-limit dashboard: request rate and 429s per key over time, latency
// percentiles over time, and the last interval's busiest keys and traffic per route.
class GatewayDashboard : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxPoints = 120;
    static constexpr int maxKeySeries = 8;

    explicit GatewayDashboard(QWidget* parent = nullptr);

    // Adds one interval's rates at `elapsedSeconds` since polling started.
    void addRates(double elapsedSeconds, const GatewayRates& rates,
                  const std::map<QString, QDateTime>& lastUsed);
    void clear();

    QLineSeries* requestSeries(const QString& key) const;
    QLineSeries* tooManySeries(const QString& key) const;
    QLineSeries* latencySeries(int percentile) const; // 50, 95 or 99
    TopTalkersModel* talkers() const { return m_talkers; }
    RouteRatesModel* routes() const { return m_routes; }

private:
    struct Chart
    {
        QChart* chart = nullptr;
        QChartView* view = nullptr;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
        std::map<QString, QLineSeries*> series;
    };

    static Chart makeChart(const QString& title, const QString& unit);
    static void append(Chart& chart, const QString& name, double x, double y, bool create);
    static void rescale(Chart& chart, double x);

    Chart m_requests;
    Chart m_tooMany;
    Chart m_latency;
    TopTalkersModel* m_talkers;
    QTableView* m_table;
    RouteRatesModel* m_routes;
    QTableView* m_routeTable;
};

} // namespace raysec::ui
