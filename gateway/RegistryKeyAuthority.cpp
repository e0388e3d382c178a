#include "gateway/RegistryKeyAuthority.h"

#include "core/keys/ApiKeyRecord.h"

namespace raysec::gateway {

namespace {

KeyRejection rejection(KeyValidator::Verdict verdict)
{
    switch (verdict) {
    case KeyValidator::Verdict::Malformed:
        return KeyRejection::Malformed;
    case KeyValidator::Verdict::UnknownKey:
        return KeyRejection::Unknown;
    case KeyValidator::Verdict::WrongSecret:
        return KeyRejection::WrongSecret;
    case KeyValidator::Verdict::NotYetValid:
        return KeyRejection::NotYetValid;
    case KeyValidator::Verdict::Expired:
        return KeyRejection::Expired;
    case KeyValidator::Verdict::Revoked:
        return KeyRejection::Revoked;
    case KeyValidator::Verdict::Valid:
        break;
    }
    return KeyRejection::Unknown;
}

} // namespace

RegistryKeyAuthority::RegistryKeyAuthority(KeyValidator validator, std::int64_t version)
    : m_validator(std::move(validator))
    , m_version(version)
{
    for (std::uint32_t mask = 0; mask < m_scopeNames.size(); ++mask) {
        for (const QString& scope : KeyScopes::toNames(mask)) {
            m_scopeNames[mask].push_back(scope.toStdString());
        }
    }
}

KeyAuthority::Outcome
RegistryKeyAuthority::authenticate(std::string_view presented,
                                   std::chrono::system_clock::time_point now) const
{
    const std::int64_t seconds =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const KeyValidator::Outcome checked = m_validator.validate(presented, seconds);
    Outcome outcome;
    if (checked.verdict != KeyValidator::Verdict::Valid || !checked.entry) {
        outcome.rejection = rejection(checked.verdict);
        return outcome;
    }
    Identity identity;
    identity.kind = Identity::Kind::ApiKey;
    identity.id = std::string(checked.id);
    identity.team = checked.entry->team;
    identity.tier = checked.entry->rateTier.empty() ? "default" : checked.entry->rateTier;
    // Bits outside the known scopes name nothing, as in KeyScopes::toNames().
    identity.scopes = m_scopeNames[checked.entry->scopes % m_scopeNames.size()];
    outcome.identity = std::move(identity);
    outcome.inGrace = checked.entry->graceUntil != 0;
    return outcome;
}

} // namespace raysec::gateway
