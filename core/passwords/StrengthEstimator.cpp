#include "core/passwords/StrengthEstimator.h"

#include <QCoreApplication>

#include <zxcvbn.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::StrengthEstimator)
};

// zxcvbn-c works on the first bytes only beyond this; longer passwords are scored on a prefix,
// which can only underestimate them.
constexpr std::size_t maximumScoredBytes = 256;

struct InfoDeleter
{
    void operator()(ZxcMatch_t* info) const { ZxcvbnFreeInfo(info); }
};

QString patternName(int type)
{
    switch (type & ~MULTIPLE_MATCH) {
    case DICTIONARY_MATCH:
    case DICT_LEET_MATCH:
        return Text::tr("a common word or password");
    case USER_MATCH:
    case USER_LEET_MATCH:
        return Text::tr("a user, cluster or organisation name");
    case REPEATS_MATCH:
        return Text::tr("repeated characters");
    case SEQUENCE_MATCH:
        return Text::tr("a sequence such as abc or 123");
    case SPATIAL_MATCH:
        return Text::tr("a keyboard pattern");
    case DATE_MATCH:
    case YEAR_MATCH:
        return Text::tr("a date or year");
    default:
        return {};
    }
}

} // namespace

int StrengthEstimator::scoreForGuesses(double guesses)
{
    // The reference implementation adds a small margin (delta 5) to each threshold.
    if (guesses < 1e3 + 5) {
        return 0;
    }
    if (guesses < 1e6 + 5) {
        return 1;
    }
    if (guesses < 1e8 + 5) {
        return 2;
    }
    if (guesses < 1e10 + 5) {
        return 3;
    }
    return 4;
}

Strength StrengthEstimator::estimate(const SecretBuffer& password, const QStringList& userWords)
{
    // zxcvbn-c wants a NUL-terminated string; build it in guarded memory. zxcvbn-c itself keeps
    // lower-cased copies of parts of the password on its heap while matching, freed unwiped.
    SecretBuffer terminated(password.data(), std::min(password.size(), maximumScoredBytes));
    terminated.append("\0", 1);

    std::vector<std::string> words;
    for (const QString& w : userWords) {
        words.push_back(w.toLower().toStdString());
    }
    std::vector<const char*> dictionary;
    for (const std::string& w : words) {
        dictionary.push_back(w.c_str());
    }
    dictionary.push_back(nullptr);

    ZxcMatch_t* raw = nullptr;
    Strength s;
    s.entropyBits = ZxcvbnMatch(terminated.data(), dictionary.data(), &raw);
    const std::unique_ptr<ZxcMatch_t, InfoDeleter> info(raw);
    s.guesses = std::exp2(s.entropyBits);
    s.log10Guesses = s.entropyBits * std::log10(2.0);
    s.score = scoreForGuesses(s.guesses);

    for (const ZxcMatch_t* m = info.get(); m; m = m->Next) {
        const QString name = patternName(m->Type);
        if (!name.isEmpty() && !s.patterns.contains(name)) {
            s.patterns.append(name);
        }
    }
    return s;
}

QString StrengthEstimator::scoreName(int score)
{
    switch (score) {
    case 0:
        return Text::tr("too guessable");
    case 1:
        return Text::tr("very guessable");
    case 2:
        return Text::tr("somewhat guessable");
    case 3:
        return Text::tr("safely unguessable");
    default:
        return Text::tr("very unguessable");
    }
}

} // namespace raysec
