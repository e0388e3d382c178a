#include "core/keys/MinisignPublicKey.h"

#include "core/keys/MinisignFormat.h"

#include <QCoreApplication>

#include <algorithm>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::MinisignPublicKey)
};

} // namespace

Result<MinisignPublicKey> MinisignPublicKey::parse(std::string_view text)
{
    const auto all = minisign::lines(text);
    std::string_view line;
    if (all.size() == 1 || (all.size() == 2 && all[1].empty())) {
        line = all[0];
    } else if (all.size() >= 2 && all[0].starts_with(minisign::UntrustedPrefix)) {
        line = all[1];
    } else {
        return fail(
            QStringLiteral("minisign.pub-layout"),
            Text::tr("This is not a minisign public key: expected an \"untrusted comment:\" "
                     "line followed by the key."),
            Text::tr("Give the .pub file exported by Raysec or minisign."));
    }

    auto blob = minisign::fromBase64(line, Text::tr("public key"));
    if (!blob) {
        return std::unexpected(blob.error());
    }
    if (blob->size() != 2 + 8 + 32) {
        return fail(QStringLiteral("minisign.pub-size"),
                    Text::tr("The public key has %1 bytes instead of 42.").arg(blob->size()),
                    Text::tr("Copy the key line again; it may be cut short."));
    }
    if (std::string_view(reinterpret_cast<const char*>(blob->data()), 2) !=
        minisign::KeyAlgorithm) {
        return fail(QStringLiteral("minisign.pub-algorithm"),
                    Text::tr("The public key is not an Ed25519 minisign key."),
                    Text::tr("Give a key made by Raysec or by minisign -G."));
    }
    MinisignPublicKey key;
    std::copy_n(blob->begin() + 2, 8, key.keyId.begin());
    std::copy_n(blob->begin() + 10, 32, key.key.begin());
    return key;
}

QString MinisignPublicKey::keyIdHex() const
{
    return minisign::keyIdHex(keyId);
}

} // namespace raysec
