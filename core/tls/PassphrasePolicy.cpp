#include "core/tls/PassphrasePolicy.h"

#include <QCoreApplication>

#include <bitset>

namespace raysec::tls {

Result<void> checkPassphrase(const SecretBuffer& passphrase)
{
    auto tr = [](const char* text) {
        return QCoreApplication::translate("raysec::tls::PassphrasePolicy", text);
    };
    if (passphrase.size() < minPassphraseLength) {
        return fail(QStringLiteral("tls.passphrase-weak"),
                    tr("The passphrase is shorter than %1 characters.").arg(minPassphraseLength),
                    tr("Use a longer passphrase, for example four or five random words."));
    }
    std::bitset<256> seen;
    for (unsigned char c : passphrase.bytes()) {
        seen.set(c);
    }
    if (seen.count() < 5) {
        return fail(QStringLiteral("tls.passphrase-weak"),
                    tr("The passphrase repeats too few different characters."),
                    tr("Use a passphrase with more variety, for example random words."));
    }
    return {};
}

} // namespace raysec::tls
