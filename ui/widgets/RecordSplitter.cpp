#include "ui/widgets/RecordSplitter.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

namespace raysec::ui {

RecordSplitter::RecordSplitter(QAbstractItemModel* model, const QString& placeholder,
                               int detailStretch, QWidget* parent)
    : QSplitter(parent)
    , m_table(new QTableView(this))
    , m_details(new QLabel(placeholder, this))
{
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    addWidget(m_table);
    addWidget(m_details);
    setStretchFactor(0, 3);
    setStretchFactor(1, detailStretch);
}

} // namespace raysec::ui
