#include "ui/audit/hardening/HardeningFixesPage.h"

#include "core/audit/CheckCatalog.h"
#include "ui/audit/hardening/HardeningDraft.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace raysec::ui {

HardeningFixesPage::HardeningFixesPage(HardeningDraft& draft, const CheckCatalog& catalog,
                                       QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_catalog(catalog)
{
    setTitle(tr("Choose the fixes"));
    setSubTitle(tr("For each open finding, choose what Raysec generates. Nothing is written or "
                   "changed before the next pages."));
    m_ui.table = new QTableWidget(0, 4, this);
    m_ui.table->setHorizontalHeaderLabels({tr("Check"), tr("Finding"), tr("Fix"), tr("Choice")});
    m_ui.table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_ui.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ui.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui.details = new QLabel(this);
    m_ui.details->setTextFormat(Qt::PlainText);
    m_ui.details->setWordWrap(true);
    m_ui.problem = new QLabel(this);
    m_ui.problem->setTextFormat(Qt::PlainText);
    m_ui.problem->setObjectName(QStringLiteral("fieldProblem"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_ui.table, 1);
    layout->addWidget(m_ui.details);
    layout->addWidget(m_ui.problem);
    connect(m_ui.table, &QTableWidget::currentCellChanged, this,
            &HardeningFixesPage::showSelection);
}

void HardeningFixesPage::initializePage()
{
    m_ui.table->setRowCount(0);
    const QList<PlannedFix>& fixes = m_draft.plan.fixes();
    m_ui.table->setRowCount(int(fixes.size()));
    for (int row = 0; row < fixes.size(); ++row) {
        const PlannedFix& fix = fixes.at(row);
        m_ui.table->setItem(row, CheckColumn, new QTableWidgetItem(fix.checkId));
        m_ui.table->setItem(row, TitleColumn, new QTableWidgetItem(fix.title));
        auto* description = new QTableWidgetItem(fix.fixDescription);
        description->setToolTip(fix.fixDescription);
        m_ui.table->setItem(row, FixColumn, description);
        auto* box = new QComboBox(m_ui.table);
        for (const FixOption& option : fix.options) {
            box->addItem(option.label, option.id);
        }
        box->setCurrentIndex(box->findData(fix.chosen));
        box->setObjectName(fix.checkId);
        const QString id = fix.checkId;
        connect(box, &QComboBox::currentIndexChanged, this, [this, id, box] { choose(id, box); });
        m_ui.table->setCellWidget(row, ChoiceColumn, box);
    }
    m_ui.table->resizeColumnToContents(ChoiceColumn);
    updateProblem();
}

QComboBox* HardeningFixesPage::choice(const QString& checkId) const
{
    for (int row = 0; row < m_ui.table->rowCount(); ++row) {
        if (m_ui.table->item(row, CheckColumn)->text() == checkId) {
            return qobject_cast<QComboBox*>(m_ui.table->cellWidget(row, ChoiceColumn));
        }
    }
    return nullptr;
}

void HardeningFixesPage::choose(const QString& checkId, QComboBox* box)
{
    if (m_draft.plan.choose(checkId, box->currentData().toString())) {
        m_draft.dropOutput();
    }
    updateProblem();
}

void HardeningFixesPage::showSelection()
{
    const int row = m_ui.table->currentRow();
    if (row < 0 || !m_draft.before) {
        return;
    }
    const QString id = m_ui.table->item(row, CheckColumn)->text();
    const CheckResult* result = m_draft.before->result(id);
    const Check* check = m_catalog.find(id);
    // The detail may quote what the cluster answered: a plain-text label shows it as it is.
    m_ui.details->setText(
        tr("%1\nHow to fix it: %2")
            .arg(result ? result->detail : QString(), check ? check->remediation : QString()));
}

bool HardeningFixesPage::isComplete() const
{
    return !m_draft.plan.isEmpty();
}

void HardeningFixesPage::updateProblem()
{
    if (m_draft.plan.fixes().isEmpty()) {
        m_ui.problem->setText(tr("No check failed: there is nothing to fix."));
    } else if (m_draft.plan.isEmpty()) {
        m_ui.problem->setText(tr("Choose a fix for at least one finding to go on."));
    } else {
        m_ui.problem->clear();
    }
    Q_EMIT completeChanged();
}

} // namespace raysec::ui
