#pragma once

#include "core/keys/ApiKeyRecord.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <vector>

namespace raysec::ui {

// The API key registry as a table: id, owner, team, status (coloured), expiry and scopes.
// Never holds a secret.
class KeysModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Owner,
        Team,
        Status,
        Expires,
        Scopes,
        ColumnCount
    };
    static constexpr int StatusRole = Qt::UserRole + 1;
    static constexpr int ExpiresSoonRole = Qt::UserRole + 2;
    static constexpr int WarningDays = 14;

    explicit KeysModel(QObject* parent = nullptr);

    void setRecords(std::vector<ApiKeyRecord> records, const QDateTime& now);
    const ApiKeyRecord* record(int row) const;
    QDateTime now() const { return m_now; }
    int expiringSoon() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(KeyStatus status);

private:
    QVariant display(const ApiKeyRecord& r, int column) const;

    std::vector<ApiKeyRecord> m_records;
    QDateTime m_now;
};

} // namespace raysec::ui
