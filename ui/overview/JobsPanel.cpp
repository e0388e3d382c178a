#include "ui/overview/JobsPanel.h"

#include "ui/overview/JobsFilterModel.h"
#include "ui/overview/JobsModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace raysec::ui {

JobsPanel::JobsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new JobsModel(this))
    , m_proxy(new JobsFilterModel(this))
{
    m_proxy->setSourceModel(m_model);

    m_ui.search = new QLineEdit(this);
    m_ui.search->setPlaceholderText(tr("Filter by entrypoint or submission ID"));
    m_ui.search->setClearButtonEnabled(true);
    m_ui.search->setAccessibleName(tr("Filter jobs"));
    m_ui.status = new QComboBox(this);
    m_ui.status->setAccessibleName(tr("Job status"));
    m_ui.status->addItem(tr("All statuses"), QString());
    for (const char* status : {"PENDING", "RUNNING", "SUCCEEDED", "FAILED", "STOPPED"}) {
        m_ui.status->addItem(QString::fromLatin1(status), QString::fromLatin1(status));
    }
    m_ui.count = new QLabel(this);
    m_ui.count->setObjectName(QStringLiteral("mutedLabel"));

    m_ui.table = new QTableView(this);
    m_ui.table->setModel(m_proxy);
    m_ui.table->setSortingEnabled(true);
    m_ui.table->sortByColumn(JobsModel::StartColumn, Qt::DescendingOrder);
    m_ui.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui.table->setAlternatingRowColors(true);
    m_ui.table->setWordWrap(false);
    m_ui.table->setTextElideMode(Qt::ElideMiddle);
    m_ui.table->verticalHeader()->hide();
    m_ui.table->setAccessibleName(tr("Jobs"));
    QHeaderView* header = m_ui.table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobsModel::EntrypointColumn, QHeaderView::Stretch);
    header->resizeSection(JobsModel::StatusColumn, 110);
    header->resizeSection(JobsModel::SubmissionIdColumn, 230);
    header->resizeSection(JobsModel::StartColumn, 160);
    header->resizeSection(JobsModel::DurationColumn, 110);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_ui.search, 1);
    filters->addWidget(m_ui.status);
    filters->addWidget(m_ui.count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_ui.table, 1);

    connect(m_ui.search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setTextFilter(text);
        updateCount();
    });
    connect(m_ui.status, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(m_ui.status->currentData().toString());
        updateCount();
    });
    updateCount();
}

void JobsPanel::setJobs(const QList<JobInfo>& jobs, const QDateTime& now)
{
    m_model->setJobs(jobs, now);
    updateCount();
}

void JobsPanel::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_ui.count->setText(shown == total ? tr("%n job(s)", nullptr, total)
                                       : tr("%1 of %n job(s)", nullptr, total).arg(shown));
}

} // namespace raysec::ui
