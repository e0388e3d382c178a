#pragma once

#include "core/cluster/ClusterSnapshot.h"

#include <QAbstractTableModel>

namespace raysec::ui {

// The jobs of the latest snapshot as a table. Every cell is a plain string (cluster text is
// never markup); SortRole gives the raw value so start times and durations sort numerically.
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StatusColumn,
        EntrypointColumn,
        SubmissionIdColumn,
        StartColumn,
        DurationColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int StatusRole = Qt::UserRole + 2;

    explicit JobsModel(QObject* parent = nullptr);

    void setJobs(const QList<JobInfo>& jobs, const QDateTime& now);
    const JobInfo& job(int row) const { return m_jobs.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "1 h 05 min", "42 s"; empty when the job has not started.
    static QString formatDuration(qint64 seconds);

private:
    QVariant displayText(const JobInfo& job, int column) const;
    QVariant sortValue(const JobInfo& job, int column) const;
    std::optional<qint64> durationSeconds(const JobInfo& job) const;

    QList<JobInfo> m_jobs;
    QDateTime m_now;
};

} // namespace raysec::ui
