#include "core/passwords/PasswordPolicy.h"

#include "core/passwords/PasswordText.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PasswordPolicy)
};

std::unexpected<Error> invalid(const QString& message, const QString& hint = {})
{
    return fail(QStringLiteral("passwords.policy-invalid"), message,
                hint.isEmpty() ? Text::tr("Correct the value; the saved policy was not changed.")
                               : hint);
}

const std::pair<unsigned, const char*> classTable[] = {{PasswordText::Lower, "lower"},
                                                       {PasswordText::Upper, "upper"},
                                                       {PasswordText::Digit, "digit"},
                                                       {PasswordText::Symbol, "symbol"}};

Result<void> validatedNist(const PasswordPolicy& p)
{
    const QString hint = Text::tr("Choose the custom preset to depart from NIST SP 800-63B-4.");
    const int nistMinimum = p.secondFactor ? 8 : 15;
    if (p.minLength < nistMinimum) {
        return invalid(
            Text::tr("NIST SP 800-63B-4 asks for at least %1 characters here.").arg(nistMinimum),
            hint);
    }
    if (p.maxLength < 64) {
        return invalid(
            Text::tr("NIST SP 800-63B-4 asks to allow passwords of at least 64 characters."), hint);
    }
    if (p.requiredClasses != 0) {
        return invalid(Text::tr("NIST SP 800-63B-4 forbids composition rules such as required "
                                "character classes."),
                       hint);
    }
    if (!p.bundledBlocklist) {
        return invalid(
            Text::tr("NIST SP 800-63B-4 requires checking passwords against a blocklist."), hint);
    }
    if (p.maxAgeDays != 0) {
        return invalid(Text::tr("NIST SP 800-63B-4 forbids periodic password changes."), hint);
    }
    return {};
}

Result<void> validatedFields(const PasswordPolicy& p)
{
    if (p.minLength < 1 || p.minLength > p.maxLength) {
        return invalid(
            Text::tr("The minimum length must be at least 1 and at most the maximum length."));
    }
    if (p.maxLength > PasswordPolicy::hardMaximumLength) {
        return invalid(Text::tr("The maximum length may be at most %1 characters.")
                           .arg(PasswordPolicy::hardMaximumLength));
    }
    if (p.minScore < 0 || p.minScore > 4) {
        return invalid(Text::tr("The minimum strength score must be between 0 and 4."));
    }
    if (p.maxAgeDays < 0 || p.maxAgeDays > 3650) {
        return invalid(Text::tr("The maximum age must be between 0 (never) and 3650 days."));
    }
    if (p.requiredClasses > 15) {
        return invalid(Text::tr("Unknown character class."));
    }
    if (p.contextWords.size() > 200) {
        return invalid(Text::tr("At most 200 context words are allowed."));
    }
    for (const QString& word : p.contextWords) {
        if (word.trimmed().isEmpty() || word.size() > 128) {
            return invalid(Text::tr("Context words must be 1 to 128 characters long."));
        }
    }
    return p.hashing.validated();
}

// Both readers throw nlohmann::json::exception on a missing field or a wrong type.
Result<void> readRules(const nlohmann::json& j, PasswordPolicy& p)
{
    const auto preset = PasswordPolicy::presetFromName(QString::fromStdString(j.at("preset")));
    QStringList classes;
    for (const auto& c : j.at("requiredClasses")) {
        classes.append(QString::fromStdString(c.get<std::string>()));
    }
    const auto classBits = PasswordPolicy::classesFromNames(classes);
    if (!preset || !classBits) {
        return invalid(Text::tr("Unknown preset or character class in the policy."));
    }
    p.preset = *preset;
    p.requiredClasses = *classBits;
    p.secondFactor = j.at("secondFactor").get<bool>();
    p.minLength = j.at("minLength").get<int>();
    p.maxLength = j.at("maxLength").get<int>();
    p.minScore = j.at("minScore").get<int>();
    p.maxAgeDays = j.at("maxAgeDays").get<int>();
    return {};
}

void readBlocklist(const nlohmann::json& j, PasswordPolicy& p)
{
    const auto& blocklist = j.at("blocklist");
    p.bundledBlocklist = blocklist.at("bundled").get<bool>();
    p.importedBlocklist = blocklist.at("imported").get<bool>();
    p.hibpFile = QString::fromStdString(blocklist.at("hibpFile").get<std::string>());
    p.contextWords.clear();
    for (const auto& w : j.at("contextWords")) {
        p.contextWords.append(QString::fromStdString(w.get<std::string>()));
    }
}

} // namespace

PasswordPolicy PasswordPolicy::forPreset(PolicyPreset preset, bool secondFactor)
{
    PasswordPolicy p;
    p.preset = preset;
    if (preset == PolicyPreset::Organisation) {
        p.minLength = 12;
        p.maxLength = 128;
        p.requiredClasses =
            PasswordText::Lower | PasswordText::Upper | PasswordText::Digit | PasswordText::Symbol;
        p.minScore = 3;
        return p;
    }
    p.secondFactor = secondFactor;
    p.minLength = secondFactor ? 8 : 15;
    p.maxLength = 128;
    return p;
}

QString PasswordPolicy::presetName(PolicyPreset preset)
{
    switch (preset) {
    case PolicyPreset::Nist:
        return QStringLiteral("nist");
    case PolicyPreset::Organisation:
        return QStringLiteral("organisation");
    case PolicyPreset::Custom:
        break;
    }
    return QStringLiteral("custom");
}

std::optional<PolicyPreset> PasswordPolicy::presetFromName(const QString& name)
{
    for (PolicyPreset p : {PolicyPreset::Nist, PolicyPreset::Organisation, PolicyPreset::Custom}) {
        if (presetName(p) == name) {
            return p;
        }
    }
    return std::nullopt;
}

QStringList PasswordPolicy::classNames(unsigned classes)
{
    QStringList names;
    for (const auto& [bit, name] : classTable) {
        if (classes & bit) {
            names.append(QString::fromLatin1(name));
        }
    }
    return names;
}

std::optional<unsigned> PasswordPolicy::classesFromNames(const QStringList& names)
{
    unsigned classes = 0;
    for (const QString& name : names) {
        const auto it =
            std::find_if(std::begin(classTable), std::end(classTable),
                         [&](const auto& e) { return name == QLatin1String(e.second); });
        if (it == std::end(classTable)) {
            return std::nullopt;
        }
        classes |= it->first;
    }
    return classes;
}

Result<void> PasswordPolicy::validated() const
{
    if (auto ok = validatedFields(*this); !ok) {
        return ok;
    }
    return preset == PolicyPreset::Nist ? validatedNist(*this) : Result<void>{};
}

QString PasswordPolicy::maxAgeNote() const
{
    if (maxAgeDays == 0) {
        return Text::tr(
            "Passwords do not expire: NIST SP 800-63B-4 forbids periodic changes, because "
            "they push people to predictable variations. Force a change only when a "
            "password may be compromised.");
    }
    return Text::tr(
               "Passwords expire after %1 days. NIST SP 800-63B-4 advises against this; keep it "
               "only where a rule you must follow requires it.")
        .arg(maxAgeDays);
}

nlohmann::json PasswordPolicy::toJson() const
{
    nlohmann::json words = nlohmann::json::array();
    for (const QString& w : contextWords) {
        words.push_back(w.toStdString());
    }
    nlohmann::json classes = nlohmann::json::array();
    for (const QString& c : classNames(requiredClasses)) {
        classes.push_back(c.toStdString());
    }
    return {{"format", "raysec-password-policy"},
            {"version", 1},
            {"preset", presetName(preset).toStdString()},
            {"secondFactor", secondFactor},
            {"minLength", minLength},
            {"maxLength", maxLength},
            {"requiredClasses", classes},
            {"minScore", minScore},
            {"blocklist",
             {{"bundled", bundledBlocklist},
              {"imported", importedBlocklist},
              {"hibpFile", hibpFile.toStdString()}}},
            {"contextWords", words},
            {"maxAgeDays", maxAgeDays},
            {"hashing", hashing.toJson()}};
}

Result<PasswordPolicy> PasswordPolicy::fromJson(const nlohmann::json& j)
{
    PasswordPolicy p;
    try {
        if (j.at("format").get<std::string>() != "raysec-password-policy" ||
            j.at("version").get<int>() != 1) {
            return invalid(
                Text::tr("This is not a version 1 Raysec password policy."),
                Text::tr("Export the policy again with 'raysec-cli passwords policy show "
                         "--json'."));
        }
        if (auto ok = readRules(j, p); !ok) {
            return std::unexpected(ok.error());
        }
        readBlocklist(j, p);
        auto hashing = HashParameters::fromJson(j.at("hashing"));
        if (!hashing) {
            return std::unexpected(hashing.error());
        }
        p.hashing = *hashing;
    } catch (const nlohmann::json::exception& e) {
        return invalid(Text::tr("The policy JSON is missing a field or has a wrong type: %1")
                           .arg(QString::fromUtf8(e.what())));
    }
    if (auto ok = p.validated(); !ok) {
        return std::unexpected(ok.error());
    }
    return p;
}

Result<PasswordPolicy> PasswordPolicy::fromJsonText(const QByteArray& text)
{
    const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return invalid(Text::tr("The policy is not a JSON object."),
                       Text::tr("Check the file; it must be a policy exported by Raysec."));
    }
    return fromJson(json);
}

} // namespace raysec
