#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace raysec {
class Database;
}

namespace raysec::ui {

// Usage over time per team, one line per team, for a chosen metric and period, read from the
// usage history in the store (UsageHistory).
class UsageChart : public QWidget
{
    Q_OBJECT

public:
    explicit UsageChart(Database& store, QWidget* parent = nullptr);

    // Redraws the lines of these teams from the history.
    void setTeams(const QStringList& teams);
    void reload();
    QChart* chart() const;

private:
    Database& m_store;
    QStringList m_teams;
    QComboBox* m_metric = nullptr;
    QComboBox* m_period = nullptr;
    QChartView* m_view = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace raysec::ui
