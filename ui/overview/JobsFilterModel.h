#pragma once

#include <QSortFilterProxyModel>

namespace raysec::ui {

// Sorts the jobs table by raw values and filters it by status and by a text that must appear in
// the entrypoint or the submission id (case-insensitive, taken literally, not as a pattern).
class JobsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit JobsFilterModel(QObject* parent = nullptr);

    void setStatusFilter(const QString& status); // empty: every status
    void setTextFilter(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_status;
    QString m_text;
};

} // namespace raysec::ui
