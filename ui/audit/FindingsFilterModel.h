#pragma once

#include <QSortFilterProxyModel>

namespace raysec::ui {

// Filters the findings table by lowest severity, open-only and free text (check id, title or
// evidence); sorts severity by rank rather than by name.
class FindingsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumSeverity(int severity);
    void setOpenOnly(bool openOnly);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    int m_minimumSeverity = 0;
    bool m_openOnly = false;
    QString m_text;
};

} // namespace raysec::ui
