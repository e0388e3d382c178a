#include "core/keys/ApiKeyHash.h"

#include <sodium.h>

namespace raysec {

namespace {

// crypto_generichash_blake2b personalisation: exactly 16 bytes.
constexpr unsigned char Personal[crypto_generichash_blake2b_PERSONALBYTES] = {
    'r', 'a', 'y', 's', 'e', 'c', '-', 'a', 'p', 'i', 'k', 'e', 'y', '-', 'v', '1'};

} // namespace

ApiKeyHash::Digest ApiKeyHash::of(std::string_view body)
{
    Digest digest{};
    crypto_generichash_blake2b_salt_personal(digest.data(), digest.size(),
                                             reinterpret_cast<const unsigned char*>(body.data()),
                                             body.size(), nullptr, 0, nullptr, Personal);
    return digest;
}

bool ApiKeyHash::equal(const Digest& a, const Digest& b)
{
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

QString ApiKeyHash::toHex(const Digest& digest)
{
    char hex[2 * sizeof(Digest) + 1];
    sodium_bin2hex(hex, sizeof(hex), digest.data(), digest.size());
    return QString::fromLatin1(hex);
}

std::optional<ApiKeyHash::Digest> ApiKeyHash::fromHex(std::string_view hex)
{
    Digest digest{};
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(digest.data(), digest.size(), hex.data(), hex.size(), nullptr, &length,
                       &end) != 0 ||
        length != digest.size() || end != hex.data() + hex.size()) {
        return std::nullopt;
    }
    return digest;
}

} // namespace raysec
