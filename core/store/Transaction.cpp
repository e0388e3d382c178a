#include "core/store/Transaction.h"

#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSqlError>

namespace raysec {

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_active(db.connection().transaction())
{
}

Transaction::~Transaction()
{
    if (m_active) {
        m_db.connection().rollback();
    }
}

Result<void> Transaction::commit()
{
    if (!m_active) {
        return std::unexpected(
            sqlError(QCoreApplication::translate("raysec::Transaction", "start a transaction"),
                     m_db.connection().lastError().text()));
    }
    if (!m_db.connection().commit()) {
        return std::unexpected(
            sqlError(QCoreApplication::translate("raysec::Transaction", "commit"),
                     m_db.connection().lastError().text()));
    }
    m_active = false;
    return {};
}

} // namespace raysec
