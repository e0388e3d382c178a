#include "core/passwords/PasswordChecker.h"

#include "core/passwords/HibpFile.h"
#include "core/passwords/PasswordText.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PasswordChecker)
};

// Shorter context words ("ai", "ml") would refuse far too many good passwords.
constexpr qsizetype minimumContextWord = 3;

void refuse(PasswordVerdict& result, const char* code, const QString& message)
{
    result.reasons.append({QString::fromLatin1(code), message});
}

} // namespace

bool PasswordVerdict::hasReason(const QString& code) const
{
    return std::any_of(reasons.begin(), reasons.end(),
                       [&](const RefusalReason& r) { return r.code == code; });
}

nlohmann::json PasswordVerdict::toJson() const
{
    nlohmann::json refusals = nlohmann::json::array();
    for (const RefusalReason& reason : reasons) {
        refusals.push_back(
            {{"code", reason.code.toStdString()}, {"message", reason.message.toStdString()}});
    }
    nlohmann::json patterns = nlohmann::json::array();
    for (const QString& pattern : strength.patterns) {
        patterns.push_back(pattern.toStdString());
    }
    return {{"accepted", accepted()},
            {"codePoints", codePoints},
            {"score", strength.score},
            {"guesses", strength.guesses},
            {"log10Guesses", strength.log10Guesses},
            {"patterns", patterns},
            {"breachCount", breachCount},
            {"reasons", refusals}};
}

PasswordChecker::PasswordChecker(PasswordPolicy policy, Blocklist imported)
    : m_policy(std::move(policy))
    , m_imported(std::move(imported))
{
}

PasswordVerdict PasswordChecker::check(const SecretBuffer& password,
                                       const QStringList& extraContext) const
{
    PasswordVerdict result;
    auto normal = PasswordText::normalized(password);
    if (!normal) {
        refuse(result, "password.invalid-utf8", normal.error().message);
        return result;
    }

    result.codePoints = PasswordText::codePointCount(normal->view());
    if (result.codePoints < m_policy.minLength) {
        refuse(result, "password.too-short",
               Text::tr("It has %1 characters; the policy needs at least %2.")
                   .arg(result.codePoints)
                   .arg(m_policy.minLength));
    }
    if (result.codePoints > m_policy.maxLength) {
        refuse(result, "password.too-long",
               Text::tr("It has %1 characters; the policy allows at most %2.")
                   .arg(result.codePoints)
                   .arg(m_policy.maxLength));
    }
    checkComposition(normal->view(), result);

    const QStringList context = m_policy.contextWords + extraContext;
    checkLists(*normal, context, result);

    result.strength = StrengthEstimator::estimate(*normal, context);
    if (result.strength.score < m_policy.minScore) {
        QString message = Text::tr("Its strength is %1 (score %2); the policy needs at least %3.")
                              .arg(StrengthEstimator::scoreName(result.strength.score))
                              .arg(result.strength.score)
                              .arg(m_policy.minScore);
        if (!result.strength.patterns.isEmpty()) {
            message +=
                QLatin1Char(' ') +
                Text::tr("It contains %1.").arg(result.strength.patterns.join(Text::tr(", ")));
        }
        refuse(result, "password.weak", message);
    }
    return result;
}

void PasswordChecker::checkComposition(std::string_view normal, PasswordVerdict& result) const
{
    const unsigned missing = m_policy.requiredClasses & ~PasswordText::classesOf(normal);
    if (missing & PasswordText::Lower) {
        refuse(result, "password.missing-lower", Text::tr("It needs a lower-case letter."));
    }
    if (missing & PasswordText::Upper) {
        refuse(result, "password.missing-upper", Text::tr("It needs an upper-case letter."));
    }
    if (missing & PasswordText::Digit) {
        refuse(result, "password.missing-digit", Text::tr("It needs a digit."));
    }
    if (missing & PasswordText::Symbol) {
        refuse(result, "password.missing-symbol",
               Text::tr("It needs a symbol, punctuation mark or space."));
    }
}

void PasswordChecker::checkLists(const SecretBuffer& normal, const QStringList& context,
                                 PasswordVerdict& result) const
{
    const auto folded = PasswordText::caseFolded(normal);
    if (!folded) {
        return;
    }
    const std::string_view text = folded->view();
    if ((m_policy.bundledBlocklist && Blocklist::bundled().contains(text)) ||
        (m_policy.importedBlocklist && m_imported.contains(text))) {
        refuse(result, "password.blocklisted",
               Text::tr("It is on the list of common or breached passwords."));
    }
    for (const QString& word : context) {
        const std::string needle = Blocklist::fold(word.trimmed());
        if (PasswordText::codePointCount(needle) >= minimumContextWord &&
            text.find(needle) != std::string_view::npos) {
            refuse(result, "password.context-word",
                   Text::tr("It contains \"%1\", a name tied to this cluster or user.")
                       .arg(word.trimmed()));
        }
    }
    if (!m_policy.hibpFile.isEmpty()) {
        auto count = HibpFile::breachCount(m_policy.hibpFile, normal);
        if (!count) {
            refuse(result, "password.hibp-unavailable", count.error().text());
        } else if (*count > 0) {
            result.breachCount = *count;
            refuse(result, "password.breached",
                   Text::tr("It appears %n time(s) in the breached-password file.", nullptr,
                            int(std::min<long long>(*count, INT_MAX))));
        }
    }
}

} // namespace raysec
