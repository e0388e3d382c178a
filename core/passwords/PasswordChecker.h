#pragma once

#include "core/common/SecretBuffer.h"
#include "core/passwords/Blocklist.h"
#include "core/passwords/PasswordPolicy.h"
#include "core/passwords/StrengthEstimator.h"

#include <QList>

#include <nlohmann/json.hpp>

namespace raysec {

// One reason a password is refused: a stable code ("password.too-short") and a sentence.
struct RefusalReason
{
    QString code;
    QString message;
};

struct PasswordVerdict
{
    QList<RefusalReason> reasons; // empty when the password is accepted
    qsizetype codePoints = 0;     // length of the normalised password
    Strength strength;
    long long breachCount = 0; // from the offline HIBP file, when the policy names one

    bool accepted() const { return reasons.isEmpty(); }
    bool hasReason(const QString& code) const;
    nlohmann::json toJson() const;
};

// Checks a password against a policy and gives every reason it is refused, not just the first,
// so a person can fix them all at once. Cheap enough to run on every keystroke (about a
// millisecond), except for the optional HIBP file lookup, which touches the disk.
class PasswordChecker
{
public:
    // `imported` is the admin's imported blocklist (PolicyRepository::importedBlocklist()).
    explicit PasswordChecker(PasswordPolicy policy, Blocklist imported = {});

    const PasswordPolicy& policy() const { return m_policy; }

    // `password` is UTF-8 as typed; it is NFKC-normalised first. `extraContext` adds words for
    // this check only, such as the user name.
    PasswordVerdict check(const SecretBuffer& password, const QStringList& extraContext = {}) const;

private:
    void checkComposition(std::string_view normal, PasswordVerdict& result) const;
    void checkLists(const SecretBuffer& normal, const QStringList& context,
                    PasswordVerdict& result) const;

    PasswordPolicy m_policy;
    Blocklist m_imported;
};

} // namespace raysec
