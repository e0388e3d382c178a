#pragma once

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/ApiKeyHash.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace raysec {

struct ApiKeyRecord;

// The gateway's hot path for a presented API key: parse and checksum (no lookup for a mistyped
// key), look up the key id, hash the body, compare hashes in constant time, then apply
// revocation, not-before, expiry and grace. Links only the key format and libsodium: no store,
// SQL or keychain. Load it from a verified registry bundle (RegistryBundle).
class KeyValidator
{
public:
    enum class Verdict
    {
        Valid,
        Malformed,
        UnknownKey,
        WrongSecret,
        NotYetValid,
        Expired,
        Revoked,
    };

    struct Entry
    {
        ApiKeyHash::Digest secretHash{};
        std::int64_t notBefore = 0;  // Unix seconds
        std::int64_t expires = 0;    // 0: never
        std::int64_t graceUntil = 0; // 0: not in grace
        bool revoked = false;
        std::uint32_t scopes = 0;
        std::string rateTier;
        std::string owner;
        std::string team;
    };

    struct Outcome
    {
        Verdict verdict = Verdict::Malformed;
        ApiKeyFormat::Status format = ApiKeyFormat::Status::Ok;
        const Entry* entry = nullptr; // set from UnknownKey on
        std::string_view id;          // the registry's copy of the key id, with entry
    };

    void reserve(std::size_t count) { m_entries.reserve(count); }
    void insert(std::string_view id, Entry entry);
    void insert(const ApiKeyRecord& record);
    std::size_t size() const { return m_entries.size(); }

    Outcome validate(std::string_view presented, std::int64_t now) const;
    // The entry for a key id, or null when the registry does not list it.
    const Entry* find(std::string_view id) const
    {
        const auto found = m_entries.find(id);
        return found == m_entries.end() ? nullptr : &found->second;
    }

    static const char* verdictName(Verdict verdict);

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };

    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> m_entries;
};

} // namespace raysec
