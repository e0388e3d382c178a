#pragma once

#include "core/common/Error.h"

namespace raysec {

class Database;

// Scoped transaction: rolls back unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Result<void> commit();

private:
    Database& m_db;
    bool m_active = false;
};

} // namespace raysec
