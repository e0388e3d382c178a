#include "ui/certs/ReviewPage.h"

#include "core/tls/SanPreflight.h"
#include "ui/certs/CertDraft.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace raysec::ui {

namespace {

enum Column
{
    NodeColumn,
    RoleColumn,
    SansColumn,
    PreflightColumn,
    ColumnCount
};

} // namespace

ReviewPage::ReviewPage(CertDraft& draft, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
{
    setTitle(tr("Review the names"));
    setSubTitle(tr("Ray refuses a peer whose certificate lacks the address it dialed; check that "
                   "every node's names are here."));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Node"), tr("Role"), tr("Subject alternative names"), tr("Preflight")});
    m_table->horizontalHeader()->setSectionResizeMode(SansColumn, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preflight = new QLabel(this);
    m_preflight->setObjectName(QStringLiteral("preflightResult"));
    m_preflight->setTextFormat(Qt::PlainText);
    m_preflight->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_preflight);
}

void ReviewPage::initializePage()
{
    const QStringList& headNames = m_draft.settings.headNames;
    m_table->setRowCount(int(m_draft.nodes.size()));
    m_uncovered = 0;
    QStringList missing;
    for (int row = 0; row < m_draft.nodes.size(); ++row) {
        const tls::NodeEntry& node = m_draft.nodes.at(row);
        const QStringList sans = node.sanEntries(headNames);
        QStringList gaps;
        for (const QString& address : tls::SanPreflight::dialedAddresses(node, headNames)) {
            if (!tls::SanPreflight::covers(sans, address)) {
                gaps << address;
                missing << tr("%1 does not cover %2.").arg(node.name, address);
            }
        }
        m_uncovered += int(gaps.size());
        const QString role = node.isHead ? tr("head") : tr("worker");
        const QString check = gaps.isEmpty() ? tr("all dialed addresses covered")
                                             : tr("missing %1").arg(gaps.join(u' '));
        m_table->setItem(row, NodeColumn, new QTableWidgetItem(node.name));
        m_table->setItem(row, RoleColumn, new QTableWidgetItem(role));
        m_table->setItem(row, SansColumn, new QTableWidgetItem(sans.join(QStringLiteral(", "))));
        m_table->setItem(row, PreflightColumn, new QTableWidgetItem(check));
    }
    m_preflight->setText(
        m_uncovered == 0
            ? tr("SAN preflight: every address peers dial is covered for all %n node(s).", nullptr,
                 int(m_draft.nodes.size()))
            : tr("SAN preflight found gaps: %1").arg(missing.join(u' ')));
    Q_EMIT completeChanged();
}

bool ReviewPage::isComplete() const
{
    return m_uncovered == 0 && !m_draft.nodes.isEmpty();
}

} // namespace raysec::ui
