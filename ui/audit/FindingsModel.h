#pragma once

#include "core/audit/Finding.h"

#include <QAbstractTableModel>

namespace raysec::ui {

// The findings of one audit as a table: severity, check, title, status and the first piece of
// evidence. Cluster-supplied text is shown as plain text only.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        CheckColumn,
        TitleColumn,
        StatusColumn,
        EvidenceColumn,
        ColumnCount
    };
    // Sort and filter keys.
    static constexpr int SeverityRole = Qt::UserRole + 1;
    static constexpr int StatusRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;

    void setFindings(QList<Finding> findings);
    const Finding* finding(int row) const;
    const QList<Finding>& findings() const { return m_findings; }

    static QString severityText(Severity severity);
    static QString statusText(FindingStatus status);
    // "GET /api/jobs/ -> 200" for the first piece of evidence.
    static QString evidenceSummary(const Finding& finding);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Finding& finding, int column) const;

    QList<Finding> m_findings;
};

} // namespace raysec::ui
