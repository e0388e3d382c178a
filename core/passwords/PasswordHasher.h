#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/passwords/HashParameters.h"

#include <QString>

namespace raysec {

// Argon2id password hashes as PHC strings ($argon2id$v=19$m=...,t=...,p=1$salt$hash) through
// libsodium's crypto_pwhash_str. The password is hashed as given: callers pass the
// NFKC-normalised form (PasswordText::normalized) so that every way of typing it verifies.
class PasswordHasher
{
public:
    static Result<QString> hash(const SecretBuffer& password, const HashParameters& parameters);
    // True only when `phc` is a well-formed Argon2 hash of `password`.
    static bool verify(const QString& phc, const SecretBuffer& password);
    // True when `phc` was made with other parameters than `parameters` (or another algorithm)
    // and should be replaced at the next successful login.
    static Result<bool> needsRehash(const QString& phc, const HashParameters& parameters);
};

} // namespace raysec
