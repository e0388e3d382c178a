#pragma once

#include "core/common/Error.h"
#include "core/passwords/Blocklist.h"
#include "core/passwords/PasswordPolicy.h"

namespace raysec {

class Database;

// The password policy and the admin's imported blocklist in the store. Until a policy is saved,
// load() gives the NIST SP 800-63B-4 preset.
class PolicyRepository
{
public:
    explicit PolicyRepository(Database& db);

    Result<void> migrate();
    Result<PasswordPolicy> load() const;
    // Refuses an invalid policy and leaves the stored one as it was.
    Result<void> save(const PasswordPolicy& policy);

    // Adds the entries of a blocklist file (one password a line, UTF-8); returns how many
    // entries the file held. A file that cannot be read or parsed adds nothing.
    Result<qsizetype> importBlocklist(const QString& path);
    Result<void> clearImportedBlocklist();
    Result<Blocklist> importedBlocklist() const;

private:
    Database& m_db;
};

} // namespace raysec
