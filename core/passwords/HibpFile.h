#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>

namespace raysec {

// An offline copy of Have I Been Pwned's password list: lines "SHA1HEX:COUNT", sorted by hash
// (the format of the downloadable ordered-by-hash file). Lookups binary-search the memory-mapped
// file, so a file of tens of gigabytes answers in microseconds without being read whole.
class HibpFile
{
public:
    // How often the password appears in the file at `path` (0 when absent).
    static Result<long long> breachCount(const QString& path, const SecretBuffer& password);
};

} // namespace raysec
