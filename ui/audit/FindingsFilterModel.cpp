#include "ui/audit/FindingsFilterModel.h"

#include "core/audit/Finding.h"
#include "ui/audit/FindingsModel.h"

namespace raysec::ui {

void FindingsFilterModel::setMinimumSeverity(int severity)
{
    m_minimumSeverity = severity;
    invalidateFilter();
}

void FindingsFilterModel::setOpenOnly(bool openOnly)
{
    m_openOnly = openOnly;
    invalidateFilter();
}

void FindingsFilterModel::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool FindingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    if (source->data(first, FindingsModel::SeverityRole).toInt() < m_minimumSeverity) {
        return false;
    }
    if (m_openOnly &&
        source->data(first, FindingsModel::StatusRole).toInt() != int(FindingStatus::Open)) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    for (int column :
         {FindingsModel::CheckColumn, FindingsModel::TitleColumn, FindingsModel::EvidenceColumn}) {
        if (source->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

bool FindingsFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (left.column() == FindingsModel::SeverityColumn) {
        return left.data(FindingsModel::SeverityRole).toInt() <
               right.data(FindingsModel::SeverityRole).toInt();
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace raysec::ui
