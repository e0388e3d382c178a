#pragma once

#include "core/gatewayclient/GatewayMetrics.h"

#include <QAbstractTableModel>

#include <map>
#include <vector>

namespace raysec::ui {

// Traffic at the gateway per route class in the last polling interval: requests, 429
// refusals and latency, busiest route first.
class RouteRatesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Route,
        RequestsPerSecond,
        TooManyPerSecond,
        P50,
        P99,
        ColumnCount
    };

    explicit RouteRatesModel(QObject* parent = nullptr);

    // "12.3 ms" in the user's locale; empty when there is no figure.
    static QString milliseconds(const std::optional<double>& seconds);

    void setRoutes(const std::map<QString, GatewayRouteRates>& routes);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<std::pair<QString, GatewayRouteRates>> m_routes;
};

} // namespace raysec::ui
