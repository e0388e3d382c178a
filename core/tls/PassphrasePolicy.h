#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

namespace raysec::tls {

// The minimum for a passphrase a person chooses to protect an exported key or PKCS#12 file:
// long enough to resist offline guessing of the PBKDF2-protected file.
inline constexpr std::size_t minPassphraseLength = 12;

// A reason when the passphrase is too weak; checks length and variety, never logs the value.
Result<void> checkPassphrase(const SecretBuffer& passphrase);

} // namespace raysec::tls
