#include "ui/overview/JobsFilterModel.h"

#include "ui/overview/JobsModel.h"

namespace raysec::ui {

JobsFilterModel::JobsFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobsModel::SortRole);
    setDynamicSortFilter(true);
}

void JobsFilterModel::setStatusFilter(const QString& status)
{
    m_status = status;
    invalidateFilter();
}

void JobsFilterModel::setTextFilter(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool JobsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    if (!m_status.isEmpty()) {
        const QModelIndex status = model->index(sourceRow, JobsModel::StatusColumn, sourceParent);
        if (model->data(status, JobsModel::StatusRole).toString() != m_status) {
            return false;
        }
    }
    if (m_text.isEmpty()) {
        return true;
    }
    for (int column : {int(JobsModel::EntrypointColumn), int(JobsModel::SubmissionIdColumn)}) {
        const QModelIndex cell = model->index(sourceRow, column, sourceParent);
        if (model->data(cell).toString().contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace raysec::ui
