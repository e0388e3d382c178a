#include "core/passwords/PasswordHasher.h"

#include <QCoreApplication>

#include <sodium.h>

#include <array>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PasswordHasher)
};

} // namespace

Result<QString> PasswordHasher::hash(const SecretBuffer& password, const HashParameters& parameters)
{
    if (auto ok = parameters.validated(); !ok) {
        return std::unexpected(ok.error());
    }
    if (sodium_init() < 0) {
        return fail(QStringLiteral("passwords.sodium"), Text::tr("libsodium could not start."));
    }
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), parameters.opsLimit,
                              parameters.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail(
            QStringLiteral("passwords.hash-memory"),
            Text::tr("Hashing needs %1 MiB of memory, which is not available.")
                .arg(parameters.memLimitBytes / HashParameters::MiB),
            Text::tr("Close other programs, or calibrate with less memory (at least 19 MiB)."));
    }
    return QString::fromLatin1(out.data());
}

bool PasswordHasher::verify(const QString& phc, const SecretBuffer& password)
{
    if (sodium_init() < 0) {
        return false;
    }
    const QByteArray encoded = phc.toLatin1();
    if (encoded.size() >= qsizetype(crypto_pwhash_STRBYTES) || !encoded.startsWith("$argon2")) {
        return false;
    }
    std::array<char, crypto_pwhash_STRBYTES> str{};
    std::copy(encoded.begin(), encoded.end(), str.begin());
    return crypto_pwhash_str_verify(str.data(), password.data(), password.size()) == 0;
}

Result<bool> PasswordHasher::needsRehash(const QString& phc, const HashParameters& parameters)
{
    const QByteArray encoded = phc.toLatin1();
    if (encoded.size() >= qsizetype(crypto_pwhash_STRBYTES)) {
        return fail(QStringLiteral("passwords.hash-malformed"),
                    Text::tr("The stored hash is not an Argon2 PHC string."),
                    Text::tr("Reset the user's password to store a new hash."));
    }
    std::array<char, crypto_pwhash_STRBYTES> str{};
    std::copy(encoded.begin(), encoded.end(), str.begin());
    const int outcome = crypto_pwhash_argon2id_str_needs_rehash(str.data(), parameters.opsLimit,
                                                                parameters.memLimitBytes);
    if (outcome < 0) {
        // Argon2i hashes, or strings libsodium cannot parse: rehash when it can be parsed at all.
        if (encoded.startsWith("$argon2i$")) {
            return true;
        }
        return fail(QStringLiteral("passwords.hash-malformed"),
                    Text::tr("The stored hash is not an Argon2 PHC string."),
                    Text::tr("Reset the user's password to store a new hash."));
    }
    // libsodium compares memory and passes only; Raysec hashes with one lane, so a hash made
    // elsewhere with several lanes is replaced too.
    return outcome == 1 || !encoded.contains(",p=1$");
}

} // namespace raysec
