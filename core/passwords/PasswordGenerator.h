#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/passwords/PasswordChecker.h"

#include <QStringList>

namespace raysec {

// Random passwords and passphrases (libsodium's randombytes) that the given policy accepts.
// Passphrases draw words uniformly from the bundled word list (resources/wordlist).
class PasswordGenerator
{
public:
    enum class Kind
    {
        Random,
        Passphrase
    };

    struct Options
    {
        Kind kind = Kind::Random;
        int length = 0; // random passwords: characters; 0 picks max(20, policy minimum)
        int words = 0;  // passphrases: words; 0 picks enough for 80 bits and the policy minimum
    };

    explicit PasswordGenerator(const PasswordChecker& checker);

    Result<SecretBuffer> generate(const Options& options) const;
    // Estimated entropy, in bits, of what generate() makes with these options.
    double entropyBits(const Options& options) const;

    static const QStringList& wordList();

private:
    SecretBuffer randomPassword(int length) const;
    SecretBuffer passphrase(int words) const;
    int randomLength(const Options& options) const;
    int passphraseWords(const Options& options) const;

    const PasswordChecker& m_checker;
};

} // namespace raysec
