#pragma once

#include "core/keys/KeyValidator.h"
#include "gateway/Identity.h"

#include <array>
#include <string>
#include <vector>

namespace raysec::gateway {

// KeyAuthority over a verified registry bundle (core/keys KeyValidator).
class RegistryKeyAuthority : public KeyAuthority
{
public:
    RegistryKeyAuthority(KeyValidator validator, std::int64_t version);

    Outcome authenticate(std::string_view presented,
                         std::chrono::system_clock::time_point now) const override;
    std::int64_t version() const override { return m_version; }
    // Whether the registry lists the key id and has not revoked it: a key that can still be
    // seen in requests, whose metrics are worth keeping.
    bool listsUnrevoked(std::string_view id) const
    {
        const KeyValidator::Entry* entry = m_validator.find(id);
        return entry && !entry->revoked;
    }

private:
    KeyValidator m_validator;
    std::int64_t m_version;
    // Scope names for every combination of the six scope bits, made once rather than for
    // every request.
    std::array<std::vector<std::string>, 64> m_scopeNames;
};

} // namespace raysec::gateway
