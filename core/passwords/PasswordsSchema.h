#pragma once

#include "core/common/Error.h"

namespace raysec {

class Database;

// The tables of the passwords module: the policy, the imported blocklist and the dashboard
// users. Every repository of the module calls migrate() before use; it is idempotent.
class PasswordsSchema
{
public:
    static Result<void> migrate(Database& db);
};

} // namespace raysec
