#pragma once

#include "core/common/Error.h"
#include "core/passwords/DashboardUser.h"
#include "core/passwords/HashParameters.h"

#include <QList>

#include <string>

namespace raysec {

class MinisignKeyPair;

// The dashboard users as the gateway loads them: a JSON document (format
// "raysec-dashboard-users", version 1) with each user's role, state, times and Argon2id hash,
// signed in minisign's format so that the gateway, or `minisign -V`, refuses a tampered copy.
class UserBundle
{
public:
    static std::string document(const QList<DashboardUser>& users, const HashParameters& hashing,
                                const QDateTime& generated);

    // Writes `path` (owner-only: hashes still deserve protection from offline cracking) and the
    // signature `path.minisig` next to it.
    static Result<void> write(const QString& path, const std::string& document,
                              const MinisignKeyPair& signingKey);
};

} // namespace raysec
