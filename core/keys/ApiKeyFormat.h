#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>

#include <cstdint>
#include <string_view>

namespace raysec {

// Raysec API keys: "rsk_" + key id (12 base62) + "_" + secret (33 base62, 196 random bits) +
// CRC32 of everything before it (6 base62). Example shape:
//   rsk_7fQ2mZp0LxKa_Vb3...Yt9c4Wq2
// The prefix and fixed layout let secret scanners find leaked keys (regex()), and the checksum
// lets the gateway reject a mistyped key without a lookup. Format in docs/formats.md.
class ApiKeyFormat
{
public:
    static constexpr std::string_view Prefix = "rsk_";
    static constexpr std::size_t IdLength = 12;
    static constexpr std::size_t SecretLength = 33;
    static constexpr std::size_t ChecksumLength = 6;
    static constexpr std::size_t Length =
        Prefix.size() + IdLength + 1 + SecretLength + ChecksumLength;

    enum class Status
    {
        Ok,
        Empty,
        Whitespace,
        Prefix,
        RayToken,
        Length,
        Separator,
        Character,
        Checksum,
    };

    // Views into the presented key; valid as long as the key's storage is.
    struct Parts
    {
        std::string_view id;
        std::string_view secret;
        std::string_view body; // prefix, id, separator and secret: what the checksum covers
    };

    // The hot path: no allocation, no translation. `position` is set for Character.
    static Status inspect(std::string_view key, Parts& parts, std::size_t* position = nullptr);
    // inspect() with a sentence naming what is wrong and how to fix it.
    static Result<Parts> parse(std::string_view key);
    static Error describe(Status status, std::string_view key, std::size_t position);

    // A new key from libsodium's generator, in guarded memory.
    static SecretBuffer generate();
    // A key from a given id and secret (each of the right length and alphabet), with its
    // checksum: for tests, benchmarks and re-assembling a key from its parts.
    static SecretBuffer assemble(std::string_view id, std::string_view secret);
    static std::uint32_t checksum(std::string_view body);

    // POSIX ERE / RE2 pattern for secret scanners (no look-around).
    static QString regex();
    static bool isBase62(char c);
};

} // namespace raysec
