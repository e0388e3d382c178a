#pragma once

#include "core/common/SecretBuffer.h"

#include <QStringList>

namespace raysec {

// What zxcvbn-c thinks of a password.
struct Strength
{
    int score = 0;          // 0 (too guessable) .. 4 (very unguessable)
    double entropyBits = 0; // zxcvbn-c's estimate
    double guesses = 1;     // 2^entropyBits
    double log10Guesses = 0;
    QStringList patterns; // translated names of the weak patterns found (dictionary word, ...)
};

// Password strength from zxcvbn-c (Debian's libzxcvbn). zxcvbn-c returns an entropy in bits and
// no score, so Raysec takes guesses = 2^bits and applies the score thresholds of the reference
// JavaScript zxcvbn: fewer than 10^3 guesses is 0, 10^6 is 1, 10^8 is 2, 10^10 is 3, else 4.
class StrengthEstimator
{
public:
    // `userWords` (user name, cluster name, organisation) count as especially guessable.
    static Strength estimate(const SecretBuffer& password, const QStringList& userWords = {});
    static int scoreForGuesses(double guesses);
    // A sentence for a score, such as "very guessable".
    static QString scoreName(int score);
};

} // namespace raysec
