#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace raysec::ui {

// Filters the key table by team, status and "expires soon".
class KeysFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit KeysFilterModel(QObject* parent = nullptr);

    void setTeam(const QString& team); // empty: all teams
    void setStatus(std::optional<int> status);
    void setExpiringOnly(bool expiring);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_team;
    std::optional<int> m_status;
    bool m_expiring = false;
};

} // namespace raysec::ui
