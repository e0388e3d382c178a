#pragma once

#include <QSplitter>

class QAbstractItemModel;
class QLabel;
class QTableView;

namespace raysec::ui {

// The list-and-detail layout of the console's record pages (findings, keys, certificates): a
// table of whole-row single selection on the left and a plain-text detail pane on the right,
// which never interprets markup from the cluster or the store.
class RecordSplitter : public QSplitter
{
    Q_OBJECT

public:
    RecordSplitter(QAbstractItemModel* model, const QString& placeholder, int detailStretch,
                   QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLabel* details() const { return m_details; }

private:
    QTableView* m_table = nullptr;
    QLabel* m_details = nullptr;
};

} // namespace raysec::ui
