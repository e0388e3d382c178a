#include "ui/keys/KeysFilterModel.h"

#include "ui/keys/KeysModel.h"

namespace raysec::ui {

KeysFilterModel::KeysFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void KeysFilterModel::setTeam(const QString& team)
{
    m_team = team;
    invalidateFilter();
}

void KeysFilterModel::setStatus(std::optional<int> status)
{
    m_status = status;
    invalidateFilter();
}

void KeysFilterModel::setExpiringOnly(bool expiring)
{
    m_expiring = expiring;
    invalidateFilter();
}

bool KeysFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, KeysModel::Team, sourceParent);
    if (!m_team.isEmpty() && index.data().toString() != m_team) {
        return false;
    }
    if (m_status && index.data(KeysModel::StatusRole).toInt() != *m_status) {
        return false;
    }
    return !m_expiring || index.data(KeysModel::ExpiresSoonRole).toBool();
}

} // namespace raysec::ui
