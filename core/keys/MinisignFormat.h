#pragma once

#include "core/common/Error.h"

#include <QString>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace raysec::minisign {

// The pieces of minisign's file formats shared by the key pair, the signer and the verifier.
// Public key: base64("Ed" || keyId[8] || ed25519 public key[32]).
// Signature:  base64("ED" || keyId[8] || signature[64]) over BLAKE2b-512(message), followed by a
//             trusted comment and base64(global signature over signature || trusted comment).

inline constexpr std::string_view KeyAlgorithm = "Ed";
inline constexpr std::string_view PrehashedAlgorithm = "ED";
inline constexpr std::string_view UntrustedPrefix = "untrusted comment: ";
inline constexpr std::string_view TrustedPrefix = "trusted comment: ";
inline constexpr std::size_t MaxCommentSize = 1024;

std::string toBase64(std::span<const unsigned char> bytes);
Result<std::vector<unsigned char>> fromBase64(std::string_view text, const QString& what);

// minisign prints the key id as a little-endian 64-bit number in hex.
QString keyIdHex(std::span<const unsigned char, 8> keyId);

// Splits text into lines, accepting "\n" and "\r\n".
std::vector<std::string_view> lines(std::string_view text);

// A comment must be one line of UTF-8 without control characters.
Result<void> checkComment(std::string_view comment, const QString& what);

} // namespace raysec::minisign
