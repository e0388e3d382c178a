#pragma once

#include <QString>

#include <array>
#include <optional>
#include <string_view>

namespace raysec {

// The registry's fingerprint of an API key secret: BLAKE2b-256 of the key body (prefix, id and
// secret), personalised for Raysec API keys. A fast hash is right here: the secret has 196
// random bits, so no amount of guessing speed makes a search feasible, while a password hash
// such as Argon2 would cost the gateway milliseconds and megabytes on every request.
class ApiKeyHash
{
public:
    using Digest = std::array<unsigned char, 32>;

    static Digest of(std::string_view body);
    // Constant-time comparison.
    static bool equal(const Digest& a, const Digest& b);

    static QString toHex(const Digest& digest);
    static std::optional<Digest> fromHex(std::string_view hex);
};

} // namespace raysec
