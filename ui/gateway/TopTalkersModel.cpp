#include "ui/gateway/TopTalkersModel.h"

#include "ui/gateway/RouteRatesModel.h"

#include <QLocale>

namespace raysec::ui {

TopTalkersModel::TopTalkersModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TopTalkersModel::setTalkers(std::vector<GatewayTalker> talkers,
                                 std::map<QString, QDateTime> lastUsed)
{
    beginResetModel();
    m_talkers = std::move(talkers);
    m_lastUsed = std::move(lastUsed);
    endResetModel();
}

int TopTalkersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_talkers.size());
}

int TopTalkersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopTalkersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const GatewayTalker& talker = m_talkers[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Key) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Key:
        return talker.key.isEmpty() ? tr("(no key)") : talker.key;
    case RequestsPerSecond:
        return QLocale().toString(talker.requestsPerSecond, 'f', 2);
    case TooManyPerSecond:
        return QLocale().toString(talker.tooManyPerSecond, 'f', 2);
    case P50:
        return RouteRatesModel::milliseconds(talker.latency.p50);
    case P99:
        return RouteRatesModel::milliseconds(talker.latency.p99);
    case LastUsed: {
        const auto it = m_lastUsed.find(talker.key);
        return it == m_lastUsed.end()
                   ? QString()
                   : QLocale().toString(it->second.toLocalTime(), QLocale::ShortFormat);
    }
    default:
        return {};
    }
}

QVariant TopTalkersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Key:
        return tr("API key");
    case RequestsPerSecond:
        return tr("Requests/s");
    case TooManyPerSecond:
        return tr("429/s");
    case P50:
        return tr("p50");
    case P99:
        return tr("p99");
    case LastUsed:
        return tr("Last used");
    default:
        return {};
    }
}

} // namespace raysec::ui
