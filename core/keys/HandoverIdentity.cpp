#include "core/keys/HandoverIdentity.h"

#include "core/keys/MinisignFormat.h"

#include <QCoreApplication>

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HandoverIdentity)
};

} // namespace

HandoverIdentity HandoverIdentity::generate()
{
    if (sodium_init() < 0) {
        qFatal("libsodium could not be initialised");
    }
    HandoverIdentity identity;
    identity.m_secretKey = SecretBuffer(crypto_box_SECRETKEYBYTES);
    crypto_box_keypair(identity.m_publicKey.data(), identity.m_secretKey.bytes().data());
    return identity;
}

Result<HandoverIdentity> HandoverIdentity::fromMaterial(const SecretBuffer& material)
{
    if (material.size() != crypto_box_PUBLICKEYBYTES + crypto_box_SECRETKEYBYTES) {
        return fail(QStringLiteral("handover.identity-size"),
                    Text::tr("The hand-over identity in the keychain is damaged."),
                    Text::tr("Remove it and create a new one; ask for keys to be sealed again."));
    }
    HandoverIdentity identity;
    std::copy_n(material.bytes().begin(), identity.m_publicKey.size(),
                identity.m_publicKey.begin());
    identity.m_secretKey =
        SecretBuffer(material.data() + crypto_box_PUBLICKEYBYTES, crypto_box_SECRETKEYBYTES);
    return identity;
}

Result<HandoverIdentity::PublicKey> HandoverIdentity::parsePublicKey(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    const Error bad{
        QStringLiteral("handover.recipient"),
        Text::tr("This is not a Raysec recipient key (\"raysec-recipient-v1:...\")."),
        Text::tr("Ask the recipient to run \"raysec-cli keys recipient\" and send you its "
                 "output.")};
    if (!text.starts_with(TextPrefix)) {
        return std::unexpected(bad);
    }
    auto bytes = minisign::fromBase64(text.substr(TextPrefix.size()), Text::tr("recipient key"));
    if (!bytes || bytes->size() != crypto_box_PUBLICKEYBYTES) {
        return std::unexpected(bad);
    }
    PublicKey key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

SecretBuffer HandoverIdentity::material() const
{
    SecretBuffer material(crypto_box_PUBLICKEYBYTES + crypto_box_SECRETKEYBYTES);
    std::memcpy(material.data(), m_publicKey.data(), m_publicKey.size());
    std::memcpy(material.data() + m_publicKey.size(), m_secretKey.data(), m_secretKey.size());
    return material;
}

std::string HandoverIdentity::publicKeyText() const
{
    return std::string(TextPrefix) + minisign::toBase64(m_publicKey);
}

} // namespace raysec
