#pragma once

#include "core/common/Error.h"

#include <string>
#include <string_view>

namespace raysec {

class MinisignKeyPair;

// Signs data in minisign's current format: Ed25519 over the BLAKE2b-512 hash of the message
// ("ED", prehashed), plus the global signature that binds the trusted comment. The result is
// the text of a `.minisig` file that `minisign -V` accepts.
class MinisignSigner
{
public:
    // Fails only when a comment is not a single line of UTF-8.
    static Result<std::string> sign(const MinisignKeyPair& keyPair, std::string_view message,
                                    std::string_view trustedComment,
                                    std::string_view untrustedComment = "signature from raysec");
};

} // namespace raysec
