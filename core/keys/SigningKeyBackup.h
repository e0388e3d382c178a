#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>

#include <string>
#include <string_view>

namespace raysec {

class MinisignKeyPair;

// A passphrase-encrypted backup of the registry signing key, so that losing the keychain does
// not mean re-trusting a new key on every gateway. Format (docs/formats.md): JSON with the
// Argon2id parameters (crypto_pwhash), salt, nonce, the public key and the secretbox of
// keyId || Ed25519 secret key.
class SigningKeyBackup
{
public:
    static constexpr std::size_t MinPassphraseLength = 12;

    static Result<std::string> seal(const MinisignKeyPair& keyPair, const SecretBuffer& passphrase);
    static Result<MinisignKeyPair> open(std::string_view backup, const SecretBuffer& passphrase);

    // seal() into a file written with owner-only permissions, and its reverse.
    static Result<void> exportTo(const QString& path, const MinisignKeyPair& keyPair,
                                 const SecretBuffer& passphrase);
    static Result<MinisignKeyPair> importFrom(const QString& path, const SecretBuffer& passphrase);
};

} // namespace raysec
