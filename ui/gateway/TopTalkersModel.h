#pragma once

#include "core/gatewayclient/GatewayMetrics.h"

#include <QAbstractTableModel>

namespace raysec::ui {

// The busiest API keys at the gateway in the last polling interval, with their latency and
// when each was last seen making a request.
class TopTalkersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Key,
        RequestsPerSecond,
        TooManyPerSecond,
        P50,
        P99,
        LastUsed,
        ColumnCount
    };

    explicit TopTalkersModel(QObject* parent = nullptr);

    void setTalkers(std::vector<GatewayTalker> talkers, std::map<QString, QDateTime> lastUsed);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<GatewayTalker> m_talkers;
    std::map<QString, QDateTime> m_lastUsed;
};

} // namespace raysec::ui
