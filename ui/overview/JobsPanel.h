#pragma once

#include "core/cluster/ClusterSnapshot.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace raysec::ui {

class JobsFilterModel;
class JobsModel;

// The Overview's jobs table with its filters: free text over entrypoint and submission id, and
// a status choice. Sorting by any column keeps working across refreshes.
class JobsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobsPanel(QWidget* parent = nullptr);

    void setJobs(const QList<JobInfo>& jobs, const QDateTime& now);

    QTableView* view() const { return m_ui.table; }
    JobsModel* model() const { return m_model; }
    JobsFilterModel* proxy() const { return m_proxy; }
    QLineEdit* textFilter() const { return m_ui.search; }
    QComboBox* statusFilter() const { return m_ui.status; }

private:
    void updateCount();

    struct Ui
    {
        QLineEdit* search = nullptr;
        QComboBox* status = nullptr;
        QLabel* count = nullptr;
        QTableView* table = nullptr;
    };
    Ui m_ui;
    JobsModel* m_model = nullptr;
    JobsFilterModel* m_proxy = nullptr;
};

} // namespace raysec::ui
