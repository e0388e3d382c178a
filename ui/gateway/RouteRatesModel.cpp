#include "ui/gateway/RouteRatesModel.h"

#include <QLocale>

#include <algorithm>

namespace raysec::ui {

QString RouteRatesModel::milliseconds(const std::optional<double>& seconds)
{
    return seconds ? tr("%1 ms").arg(QLocale().toString(*seconds * 1000, 'f', 1)) : QString();
}

RouteRatesModel::RouteRatesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RouteRatesModel::setRoutes(const std::map<QString, GatewayRouteRates>& routes)
{
    beginResetModel();
    m_routes.assign(routes.begin(), routes.end());
    std::stable_sort(m_routes.begin(), m_routes.end(), [](const auto& a, const auto& b) {
        return a.second.requestsPerSecond > b.second.requestsPerSecond;
    });
    endResetModel();
}

int RouteRatesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_routes.size());
}

int RouteRatesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RouteRatesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const auto& [route, rates] = m_routes[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Route) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Route:
        return route;
    case RequestsPerSecond:
        return QLocale().toString(rates.requestsPerSecond, 'f', 2);
    case TooManyPerSecond:
        return QLocale().toString(rates.tooManyPerSecond, 'f', 2);
    case P50:
        return milliseconds(rates.latency.p50);
    case P99:
        return milliseconds(rates.latency.p99);
    default:
        return {};
    }
}

QVariant RouteRatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Route:
        return tr("Route");
    case RequestsPerSecond:
        return tr("Requests/s");
    case TooManyPerSecond:
        return tr("429/s");
    case P50:
        return tr("p50");
    case P99:
        return tr("p99");
    default:
        return {};
    }
}

} // namespace raysec::ui
