#include "core/keys/KeyHandover.h"

#include "core/keys/HandoverIdentity.h"
#include "core/keys/MinisignFormat.h"

#include <QCoreApplication>

#include "core/keys/JsonFields.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <vector>

namespace raysec {

namespace {

constexpr const char* FormatName = "raysec-sealed-key";
constexpr std::size_t MaxSecretSize = 4096;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::KeyHandover)
};

Error malformed()
{
    return {QStringLiteral("handover.malformed"), Text::tr("This is not a Raysec sealed-key file."),
            Text::tr("Ask the sender for the .sealed file written by \"raysec-cli keys seal\".")};
}

} // namespace

Result<std::string> KeyHandover::seal(const SecretBuffer& secret, std::string_view recipientText,
                                      const QString& keyId)
{
    auto recipient = HandoverIdentity::parsePublicKey(recipientText);
    if (!recipient) {
        return std::unexpected(recipient.error());
    }
    if (secret.isEmpty() || secret.size() > MaxSecretSize) {
        return fail(QStringLiteral("handover.secret-size"),
                    Text::tr("Only a secret of 1 to %1 bytes can be sealed.").arg(MaxSecretSize));
    }
    std::vector<unsigned char> sealed(secret.size() + crypto_box_SEALBYTES);
    crypto_box_seal(sealed.data(), secret.bytes().data(), secret.size(), recipient->data());
    const nlohmann::ordered_json doc = {
        {"format", FormatName},
        {"version", 1},
        {"keyId", keyId.toStdString()},
        {"recipient", std::string(HandoverIdentity::TextPrefix) + minisign::toBase64(*recipient)},
        {"sealed", minisign::toBase64(sealed)}};
    return doc.dump(2) + "\n";
}

Result<SecretBuffer> KeyHandover::open(std::string_view sealedText,
                                       const HandoverIdentity& identity)
{
    const auto doc = nlohmann::json::parse(sealedText, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || jsonfields::text(doc, "format") != FormatName ||
        !doc.contains("sealed") || !doc["sealed"].is_string()) {
        return std::unexpected(malformed());
    }
    if (jsonfields::text(doc, "recipient") != identity.publicKeyText()) {
        return fail(
            QStringLiteral("handover.wrong-recipient"),
            Text::tr("This key was sealed for another recipient."),
            Text::tr("Send your own recipient key to the sender and ask them to seal it again."));
    }
    auto sealed = minisign::fromBase64(doc["sealed"].get<std::string>(), Text::tr("sealed key"));
    if (!sealed || sealed->size() <= crypto_box_SEALBYTES ||
        sealed->size() > MaxSecretSize + crypto_box_SEALBYTES) {
        return std::unexpected(malformed());
    }
    SecretBuffer secret(sealed->size() - crypto_box_SEALBYTES);
    if (crypto_box_seal_open(secret.bytes().data(), sealed->data(), sealed->size(),
                             identity.publicKey().data(),
                             identity.secretKey().bytes().data()) != 0) {
        return fail(
            QStringLiteral("handover.open-failed"),
            Text::tr("The sealed key could not be opened: it was changed or sealed for another "
                     "recipient."),
            Text::tr("Ask the sender to seal the key again."));
    }
    return secret;
}

} // namespace raysec
