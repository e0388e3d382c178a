#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>

#include <string>
#include <string_view>

namespace raysec {

class HandoverIdentity;

// Hands a new API key to its owner without a shared secret: the key is sealed (libsodium sealed
// box, X25519 + XSalsa20-Poly1305) to the recipient's public key into a small JSON file that only
// the recipient's keychain identity can open. Format in docs/formats.md.
class KeyHandover
{
public:
    static Result<std::string> seal(const SecretBuffer& secret, std::string_view recipientText,
                                    const QString& keyId);
    static Result<SecretBuffer> open(std::string_view sealedText, const HandoverIdentity& identity);
};

} // namespace raysec
