#include "ui/certs/CertificateInventoryModel.h"

#include <QLocale>

namespace raysec::ui {

CertificateInventoryModel::CertificateInventoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CertificateInventoryModel::setEntries(QList<tls::InventoryEntry> entries, const QDateTime& now)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_now = now;
    endResetModel();
}

int CertificateInventoryModel::rowOf(const QString& fingerprint) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).fingerprint == fingerprint) {
            return row;
        }
    }
    return -1;
}

bool CertificateInventoryModel::isSuperseded(int row) const
{
    const tls::InventoryEntry& entry = m_entries.at(row);
    if (entry.isCa) {
        return false;
    }
    for (const tls::InventoryEntry& other : m_entries) {
        if (!other.isCa && other.nodeName == entry.nodeName && other.caName == entry.caName &&
            other.notBefore > entry.notBefore) {
            return true;
        }
    }
    return false;
}

QColor CertificateInventoryModel::expiryColor(tls::ExpiryLevel level)
{
    switch (level) {
    case tls::ExpiryLevel::Ok:
        return {};
    case tls::ExpiryLevel::Within30Days:
        return QColor(0xff, 0xe0, 0x8a);
    case tls::ExpiryLevel::Within7Days:
        return QColor(0xf4, 0xa0, 0x98);
    case tls::ExpiryLevel::Expired:
        return QColor(0xd0, 0x60, 0x58);
    }
    return {};
}

QString CertificateInventoryModel::expiryText(tls::ExpiryLevel level)
{
    switch (level) {
    case tls::ExpiryLevel::Ok:
        return tr("valid");
    case tls::ExpiryLevel::Within30Days:
        return tr("expires within 30 days");
    case tls::ExpiryLevel::Within7Days:
        return tr("expires within 7 days");
    case tls::ExpiryLevel::Expired:
        return tr("expired");
    }
    return {};
}

int CertificateInventoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CertificateInventoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CertificateInventoryModel::display(const tls::InventoryEntry& entry, int column) const
{
    switch (column) {
    case NameColumn:
        return entry.commonName;
    case NodeColumn:
        return entry.isCa ? tr("(CA)") : entry.nodeName;
    case CaColumn:
        return entry.caName;
    case ExpiresColumn:
        return QLocale().toString(entry.notAfter.toLocalTime(), QLocale::ShortFormat);
    case DaysLeftColumn:
        return entry.daysLeft(m_now);
    default:
        return {};
    }
}

QVariant CertificateInventoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size()) {
        return {};
    }
    const tls::InventoryEntry& entry = m_entries.at(index.row());
    const tls::ExpiryLevel level = entry.expiryLevel(m_now);
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, index.column());
    case Qt::BackgroundRole: {
        const QColor color = expiryColor(level);
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::ForegroundRole:
        return level == tls::ExpiryLevel::Ok ? QVariant() : QVariant(QColor(Qt::black));
    case Qt::ToolTipRole:
        return expiryText(level);
    default:
        return {};
    }
}

QVariant CertificateInventoryModel::headerData(int section, Qt::Orientation orientation,
                                               int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    const QString titles[] = {tr("Certificate"), tr("Node"), tr("CA"), tr("Expires"),
                              tr("Days left")};
    return section >= 0 && section < ColumnCount ? titles[section] : QString();
}

} // namespace raysec::ui
