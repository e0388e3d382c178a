#include "ui/audit/FindingsModel.h"

#include <QBrush>
#include <QColor>

namespace raysec::ui {

void FindingsModel::setFindings(QList<Finding> findings)
{
    beginResetModel();
    m_findings = std::move(findings);
    endResetModel();
}

const Finding* FindingsModel::finding(int row) const
{
    return row >= 0 && row < m_findings.size() ? &m_findings.at(row) : nullptr;
}

QString FindingsModel::severityText(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return tr("Critical");
    case Severity::High:
        return tr("High");
    case Severity::Medium:
        return tr("Medium");
    case Severity::Low:
        return tr("Low");
    case Severity::Note:
        break;
    }
    return tr("Note");
}

QString FindingsModel::statusText(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Open:
        return tr("Open");
    case FindingStatus::Fixed:
        return tr("Fixed");
    case FindingStatus::Suppressed:
        break;
    }
    return tr("Suppressed");
}

QString FindingsModel::evidenceSummary(const Finding& finding)
{
    if (finding.evidence.isEmpty()) {
        return {};
    }
    const Evidence& e = finding.evidence.first();
    return e.status > 0 ? tr("%1 → %2").arg(e.request).arg(e.status) : e.request;
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::display(const Finding& finding, int column) const
{
    switch (column) {
    case SeverityColumn:
        return severityText(finding.severity);
    case CheckColumn:
        return finding.checkId;
    case TitleColumn:
        return finding.title;
    case StatusColumn:
        return statusText(finding.status);
    case EvidenceColumn:
        return evidenceSummary(finding);
    default:
        return {};
    }
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    const Finding* f = finding(index.row());
    if (!f) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        return display(*f, index.column());
    }
    if (role == SeverityRole) {
        return int(f->severity);
    }
    if (role == StatusRole) {
        return int(f->status);
    }
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn &&
        f->severity >= Severity::High && f->status == FindingStatus::Open) {
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    }
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case CheckColumn:
        return tr("Check");
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Status");
    case EvidenceColumn:
        return tr("Evidence");
    default:
        return {};
    }
}

} // namespace raysec::ui
