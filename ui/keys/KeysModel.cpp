#include "ui/keys/KeysModel.h"

#include <QBrush>
#include <QColor>

namespace raysec::ui {

namespace {

QColor statusColour(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return QColor(0x2e, 0x7d, 0x32);
    case KeyStatus::Grace:
        return QColor(0xef, 0x6c, 0x00);
    case KeyStatus::Expired:
        return QColor(0x75, 0x75, 0x75);
    case KeyStatus::Revoked:
        break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

} // namespace

KeysModel::KeysModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void KeysModel::setRecords(std::vector<ApiKeyRecord> records, const QDateTime& now)
{
    beginResetModel();
    m_records = std::move(records);
    m_now = now;
    endResetModel();
}

const ApiKeyRecord* KeysModel::record(int row) const
{
    return row >= 0 && row < int(m_records.size()) ? &m_records[std::size_t(row)] : nullptr;
}

int KeysModel::expiringSoon() const
{
    return int(std::count_if(m_records.begin(), m_records.end(), [this](const ApiKeyRecord& r) {
        return r.expiresWithin(m_now, WarningDays);
    }));
}

int KeysModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int KeysModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString KeysModel::statusText(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return tr("active");
    case KeyStatus::Grace:
        return tr("grace");
    case KeyStatus::Expired:
        return tr("expired");
    case KeyStatus::Revoked:
        break;
    }
    return tr("revoked");
}

QVariant KeysModel::display(const ApiKeyRecord& r, int column) const
{
    switch (column) {
    case Id:
        return r.id;
    case Owner:
        return r.owner;
    case Team:
        return r.team;
    case Status:
        return statusText(r.statusAt(m_now));
    case Expires:
        return r.expires.isValid()
                   ? QLocale().toString(r.expires.toLocalTime(), QLocale::ShortFormat)
                   : tr("never");
    case Scopes:
        return KeyScopes::toNames(r.scopes).join(QStringLiteral(", "));
    default:
        return {};
    }
}

QVariant KeysModel::data(const QModelIndex& index, int role) const
{
    const ApiKeyRecord* r = record(index.row());
    if (!r) {
        return {};
    }
    const KeyStatus status = r->statusAt(m_now);
    switch (role) {
    case Qt::DisplayRole:
        return display(*r, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Status) {
            return QBrush(statusColour(status));
        }
        if (index.column() == Expires && r->expiresWithin(m_now, WarningDays)) {
            return QBrush(statusColour(KeyStatus::Grace));
        }
        return {};
    case StatusRole:
        return int(status);
    case ExpiresSoonRole:
        return r->expiresWithin(m_now, WarningDays);
    default:
        return {};
    }
}

QVariant KeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    static const char* const titles[] = {QT_TR_NOOP("Key id"),  QT_TR_NOOP("Owner"),
                                         QT_TR_NOOP("Team"),    QT_TR_NOOP("Status"),
                                         QT_TR_NOOP("Expires"), QT_TR_NOOP("Scopes")};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace raysec::ui
