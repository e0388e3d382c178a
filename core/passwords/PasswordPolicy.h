#pragma once

#include "core/common/Error.h"
#include "core/passwords/HashParameters.h"

#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace raysec {

enum class PolicyPreset
{
    Nist,         // NIST SP 800-63B-4: length and a blocklist, no composition rules, no rotation
    Organisation, // character classes, for organisations whose rules mandate them
    Custom
};

// The rules a dashboard password must meet and how it is hashed. Stored in the store and
// exchanged as JSON; lengths count Unicode code points of the NFKC-normalised password.
struct PasswordPolicy
{
    PolicyPreset preset = PolicyPreset::Nist;
    bool secondFactor = false; // NIST allows 8 characters when a second factor is required
    int minLength = 15;
    int maxLength = 64;
    unsigned requiredClasses = 0; // PasswordText::Class bits; off by default
    int minScore = 3;             // zxcvbn score 0..4
    bool bundledBlocklist = true;
    bool importedBlocklist = true;
    QString hibpFile;         // optional offline "SHA1:COUNT" file
    QStringList contextWords; // cluster name, organisation...; user names are added per check
    int maxAgeDays = 0;       // 0: passwords do not expire
    HashParameters hashing;

    static constexpr int hardMaximumLength = 1024;

    static PasswordPolicy forPreset(PolicyPreset preset, bool secondFactor = false);
    static QString presetName(PolicyPreset preset);
    static std::optional<PolicyPreset> presetFromName(const QString& name);
    static QStringList classNames(unsigned classes);
    static std::optional<unsigned> classesFromNames(const QStringList& names);

    // Checks the fields, and that a policy marked NIST really meets NIST SP 800-63B-4.
    Result<void> validated() const;
    // Why the maximum age is what it is, for the person choosing it.
    QString maxAgeNote() const;

    nlohmann::json toJson() const;
    static Result<PasswordPolicy> fromJson(const nlohmann::json& json);
    static Result<PasswordPolicy> fromJsonText(const QByteArray& text);
};

} // namespace raysec
