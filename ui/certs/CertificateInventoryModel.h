#pragma once

#include "core/tls/CertificateInventory.h"

#include <QAbstractTableModel>
#include <QColor>

namespace raysec::ui {

// The inventory as a table: certificate, node, CA, expiry and days left, each row coloured by
// the time it has left (amber within 30 days, red within 7, dark red once expired).
class CertificateInventoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        NodeColumn,
        CaColumn,
        ExpiresColumn,
        DaysLeftColumn,
        ColumnCount
    };

    explicit CertificateInventoryModel(QObject* parent = nullptr);

    void setEntries(QList<tls::InventoryEntry> entries, const QDateTime& now);
    const tls::InventoryEntry& entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString& fingerprint) const;
    // True when a later certificate for the same node under the same CA was issued (renewed).
    bool isSuperseded(int row) const;

    // The background of a row at this level; invalid (no colour) when nothing is near.
    static QColor expiryColor(tls::ExpiryLevel level);
    static QString expiryText(tls::ExpiryLevel level);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const tls::InventoryEntry& entry, int column) const;

    QList<tls::InventoryEntry> m_entries;
    QDateTime m_now;
};

} // namespace raysec::ui
