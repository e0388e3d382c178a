#include "core/passwords/PasswordGenerator.h"

#include "core/passwords/PasswordText.h"

#include <QCoreApplication>
#include <QFile>

#include <sodium.h>

#include <cmath>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PasswordGenerator)
};

// Printable ASCII without space and without characters that shells and config files treat
// specially or that look alike (quotes, backslash, backtick, l/1/I/O/0).
constexpr std::string_view alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
                                      "!#$%&()*+,-./:;<=>?@[]^_{|}~";
constexpr std::string_view lowers = "abcdefghijkmnopqrstuvwxyz";
constexpr std::string_view uppers = "ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::string_view digits = "23456789";
constexpr std::string_view symbols = "!#$%&()*+,-./:;<=>?@[]^_{|}~";
constexpr int attempts = 100;
constexpr double passphraseBitsGoal = 80;

char pick(std::string_view from)
{
    return from[randombytes_uniform(std::uint32_t(from.size()))];
}

// Overwrites a random position with a character from `from`.
void plant(SecretBuffer& secret, std::string_view from)
{
    secret.data()[randombytes_uniform(std::uint32_t(secret.size()))] = pick(from);
}

} // namespace

PasswordGenerator::PasswordGenerator(const PasswordChecker& checker)
    : m_checker(checker)
{
}

const QStringList& PasswordGenerator::wordList()
{
    static const QStringList words = [] {
        QFile file(QStringLiteral(":/raysec/wordlist/words.txt"));
        QStringList list;
        if (file.open(QIODevice::ReadOnly)) {
            list = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        return list;
    }();
    return words;
}

int PasswordGenerator::randomLength(const Options& options) const
{
    const PasswordPolicy& p = m_checker.policy();
    const int wanted = options.length > 0 ? options.length : std::max(20, p.minLength);
    return std::clamp(wanted, p.minLength, p.maxLength);
}

int PasswordGenerator::passphraseWords(const Options& options) const
{
    if (options.words > 0) {
        return options.words;
    }
    const double perWord = std::log2(double(std::max<qsizetype>(wordList().size(), 2)));
    int words = int(std::ceil(passphraseBitsGoal / perWord));
    // Words average about six characters with their separator; add words for long minimums.
    while (words * 5 < m_checker.policy().minLength) {
        ++words;
    }
    return words;
}

double PasswordGenerator::entropyBits(const Options& options) const
{
    if (options.kind == Kind::Random) {
        return randomLength(options) * std::log2(double(alphabet.size()));
    }
    return passphraseWords(options) * std::log2(double(std::max<qsizetype>(wordList().size(), 2)));
}

SecretBuffer PasswordGenerator::randomPassword(int length) const
{
    SecretBuffer secret;
    for (int i = 0; i < length; ++i) {
        const char c = pick(alphabet);
        secret.append(&c, 1);
    }
    // Policies with character classes get one of each; NIST policies need none.
    const unsigned required = m_checker.policy().requiredClasses;
    const std::pair<unsigned, std::string_view> classes[] = {{PasswordText::Lower, lowers},
                                                             {PasswordText::Upper, uppers},
                                                             {PasswordText::Digit, digits},
                                                             {PasswordText::Symbol, symbols}};
    for (const auto& [bit, from] : classes) {
        if ((required & bit) && !(PasswordText::classesOf(secret.view()) & bit)) {
            plant(secret, from);
        }
    }
    return secret;
}

SecretBuffer PasswordGenerator::passphrase(int words) const
{
    const QStringList& list = wordList();
    const unsigned required = m_checker.policy().requiredClasses;
    SecretBuffer secret;
    for (int i = 0; i < words; ++i) {
        if (i > 0) {
            secret.append("-", 1);
        }
        QByteArray word =
            list.at(qsizetype(randombytes_uniform(std::uint32_t(list.size())))).toLatin1();
        if (required & PasswordText::Upper) {
            word[0] = char(word[0] - 'a' + 'A');
        }
        secret.append(word.constData(), std::size_t(word.size()));
        sodium_memzero(word.data(), std::size_t(word.size()));
    }
    if (required & PasswordText::Digit) {
        const char d = pick(digits);
        secret.append("-", 1);
        secret.append(&d, 1);
    }
    return secret;
}

Result<SecretBuffer> PasswordGenerator::generate(const Options& options) const
{
    if (options.kind == Kind::Passphrase && wordList().size() < 2) {
        return fail(QStringLiteral("passwords.no-wordlist"),
                    Text::tr("The passphrase word list is missing from this build."));
    }
    if (options.length < 0 || options.length > PasswordPolicy::hardMaximumLength ||
        options.words < 0 || options.words > 64) {
        return fail(QStringLiteral("passwords.generator-options"),
                    Text::tr("Ask for 1 to 1024 characters or 1 to 64 words."));
    }
    // A draw that the policy refuses (a blocklisted or weak outcome, far too rare to matter for
    // entropy) is thrown away and drawn again.
    for (int i = 0; i < attempts; ++i) {
        SecretBuffer candidate = options.kind == Kind::Random
                                     ? randomPassword(randomLength(options))
                                     : passphrase(passphraseWords(options));
        if (m_checker.check(candidate).accepted()) {
            return candidate;
        }
    }
    return fail(QStringLiteral("passwords.generator-policy"),
                Text::tr("No generated password met the policy in %1 tries.").arg(attempts),
                Text::tr("Ask for more characters or words, or check the policy's length limits."));
}

} // namespace raysec
