#include "core/tls/PassphrasePolicy.h"

#include <QCoreApplication>

#include <bitset>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::PassphrasePolicy)
};

} // namespace

Result<void> checkPassphrase(const SecretBuffer& passphrase)
{
    if (passphrase.size() < minPassphraseLength) {
        return fail(
            QStringLiteral("tls.passphrase-weak"),
            Text::tr("The passphrase is shorter than %1 characters.").arg(minPassphraseLength),
            Text::tr("Use a longer passphrase, for example four or five random words."));
    }
    std::bitset<256> seen;
    for (unsigned char c : passphrase.bytes()) {
        seen.set(c);
    }
    if (seen.count() < 5) {
        return fail(QStringLiteral("tls.passphrase-weak"),
                    Text::tr("The passphrase repeats too few different characters."),
                    Text::tr("Use a passphrase with more variety, for example random words."));
    }
    return {};
}

} // namespace raysec::tls
