#include "core/keys/KeyValidator.h"

#include "core/keys/ApiKeyRecord.h"

namespace raysec {

void KeyValidator::insert(std::string_view id, Entry entry)
{
    m_entries.insert_or_assign(std::string(id), std::move(entry));
}

void KeyValidator::insert(const ApiKeyRecord& record)
{
    Entry entry;
    entry.secretHash = record.secretHash;
    entry.notBefore = record.notBefore.isValid() ? record.notBefore.toSecsSinceEpoch() : 0;
    entry.expires = record.expires.isValid() ? record.expires.toSecsSinceEpoch() : 0;
    if (record.status == KeyStatus::Grace && record.graceUntil.isValid()) {
        entry.graceUntil = record.graceUntil.toSecsSinceEpoch();
    }
    // An expired key stays listed so that the gateway can say so instead of "unknown".
    if (record.status == KeyStatus::Expired && entry.expires == 0) {
        entry.expires = 1;
    }
    entry.revoked = record.status == KeyStatus::Revoked;
    entry.scopes = record.scopes;
    entry.rateTier = record.rateTier.toStdString();
    entry.owner = record.owner.toStdString();
    entry.team = record.team.toStdString();
    insert(record.id.toStdString(), std::move(entry));
}

KeyValidator::Outcome KeyValidator::validate(std::string_view presented, std::int64_t now) const
{
    Outcome outcome;
    ApiKeyFormat::Parts parts;
    outcome.format = ApiKeyFormat::inspect(presented, parts);
    if (outcome.format != ApiKeyFormat::Status::Ok) {
        return outcome;
    }
    const auto found = m_entries.find(parts.id);
    if (found == m_entries.end()) {
        outcome.verdict = Verdict::UnknownKey;
        return outcome;
    }
    const Entry& entry = found->second;
    outcome.entry = &entry;
    outcome.id = found->first;
    if (!ApiKeyHash::equal(ApiKeyHash::of(parts.body), entry.secretHash)) {
        outcome.verdict = Verdict::WrongSecret;
        return outcome;
    }

    // Lifecycle checks come after the secret, so they reveal nothing to a guesser.
    if (entry.revoked) {
        outcome.verdict = Verdict::Revoked;
    } else if (now < entry.notBefore) {
        outcome.verdict = Verdict::NotYetValid;
    } else if ((entry.expires != 0 && now >= entry.expires) ||
               (entry.graceUntil != 0 && now >= entry.graceUntil)) {
        outcome.verdict = Verdict::Expired;
    } else {
        outcome.verdict = Verdict::Valid;
    }
    return outcome;
}

const char* KeyValidator::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return "valid";
    case Verdict::Malformed:
        return "malformed";
    case Verdict::UnknownKey:
        return "unknown-key";
    case Verdict::WrongSecret:
        return "wrong-secret";
    case Verdict::NotYetValid:
        return "not-yet-valid";
    case Verdict::Expired:
        return "expired";
    case Verdict::Revoked:
        break;
    }
    return "revoked";
}

} // namespace raysec
