#include "core/keys/MinisignVerifier.h"

#include "core/keys/MinisignFormat.h"
#include "core/keys/MinisignPublicKey.h"

#include <QCoreApplication>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <vector>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::MinisignVerifier)
};

struct ParsedSignature
{
    bool prehashed = false;
    std::array<unsigned char, 8> keyId{};
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    std::string_view trustedComment;
    std::array<unsigned char, crypto_sign_BYTES> global{};
};

Error layoutError()
{
    return {QStringLiteral("minisign.sig-layout"),
            Text::tr("This is not a minisign signature: expected four lines (untrusted comment, "
                     "signature, trusted comment, global signature)."),
            Text::tr("Give the .minisig file exactly as it was exported.")};
}

Result<void> parseSignatureLine(std::string_view line, ParsedSignature& parsed)
{
    auto blob = minisign::fromBase64(line, Text::tr("signature line"));
    if (!blob) {
        return std::unexpected(blob.error());
    }
    if (blob->size() != 2 + 8 + crypto_sign_BYTES) {
        return fail(QStringLiteral("minisign.sig-size"),
                    Text::tr("The signature has %1 bytes instead of 74.").arg(blob->size()),
                    Text::tr("The signature file is damaged; export it again."));
    }
    const std::string_view algorithm(reinterpret_cast<const char*>(blob->data()), 2);
    if (algorithm != minisign::PrehashedAlgorithm && algorithm != minisign::KeyAlgorithm) {
        return fail(QStringLiteral("minisign.sig-algorithm"),
                    Text::tr("The signature uses an unknown algorithm."),
                    Text::tr("Sign the file again with Raysec or a current minisign."));
    }
    parsed.prehashed = algorithm == minisign::PrehashedAlgorithm;
    std::copy_n(blob->begin() + 2, 8, parsed.keyId.begin());
    std::copy_n(blob->begin() + 10, crypto_sign_BYTES, parsed.signature.begin());
    return {};
}

Result<ParsedSignature> parse(std::string_view text)
{
    const auto all = minisign::lines(text);
    if (all.size() < 4 || !all[0].starts_with(minisign::UntrustedPrefix) ||
        !all[2].starts_with(minisign::TrustedPrefix) ||
        std::any_of(all.begin() + 4, all.end(), [](auto l) { return !l.empty(); })) {
        return std::unexpected(layoutError());
    }
    ParsedSignature parsed;
    if (auto ok = parseSignatureLine(all[1], parsed); !ok) {
        return std::unexpected(ok.error());
    }
    parsed.trustedComment = all[2].substr(minisign::TrustedPrefix.size());
    auto global = minisign::fromBase64(all[3], Text::tr("global signature"));
    if (!global) {
        return std::unexpected(global.error());
    }
    if (global->size() != crypto_sign_BYTES) {
        return fail(
            QStringLiteral("minisign.global-size"),
            Text::tr("The global signature has %1 bytes instead of 64.").arg(global->size()),
            Text::tr("The signature file is damaged; export it again."));
    }
    std::copy(global->begin(), global->end(), parsed.global.begin());
    return parsed;
}

bool messageSignatureValid(const ParsedSignature& sig, const MinisignPublicKey& key,
                           std::string_view message)
{
    const auto* data = reinterpret_cast<const unsigned char*>(message.data());
    if (!sig.prehashed) {
        return crypto_sign_verify_detached(sig.signature.data(), data, message.size(),
                                           key.key.data()) == 0;
    }
    std::array<unsigned char, crypto_generichash_BYTES_MAX> hash{};
    crypto_generichash(hash.data(), hash.size(), data, message.size(), nullptr, 0);
    return crypto_sign_verify_detached(sig.signature.data(), hash.data(), hash.size(),
                                       key.key.data()) == 0;
}

bool globalSignatureValid(const ParsedSignature& sig, const MinisignPublicKey& key)
{
    std::vector<unsigned char> input(sig.signature.begin(), sig.signature.end());
    input.insert(input.end(), sig.trustedComment.begin(), sig.trustedComment.end());
    return crypto_sign_verify_detached(sig.global.data(), input.data(), input.size(),
                                       key.key.data()) == 0;
}

} // namespace

Result<void> MinisignVerifier::verify(std::string_view publicKeyText, std::string_view message,
                                      std::string_view signatureText)
{
    auto key = MinisignPublicKey::parse(publicKeyText);
    if (!key) {
        return std::unexpected(key.error());
    }
    auto comment = verifiedComment(*key, message, signatureText);
    if (!comment) {
        return std::unexpected(comment.error());
    }
    return {};
}

Result<QString> MinisignVerifier::verifiedComment(const MinisignPublicKey& key,
                                                  std::string_view message,
                                                  std::string_view signatureText)
{
    if (sodium_init() < 0) {
        qFatal("libsodium could not be initialised");
    }
    auto sig = parse(signatureText);
    if (!sig) {
        return std::unexpected(sig.error());
    }
    if (sig->keyId != key.keyId) {
        return fail(QStringLiteral("minisign.key-mismatch"),
                    Text::tr("The signature was made with key %1, not with key %2.")
                        .arg(minisign::keyIdHex(sig->keyId), key.keyIdHex()),
                    Text::tr("Use the public key that belongs to the signing key, or sign again."));
    }
    if (!messageSignatureValid(*sig, key, message)) {
        return fail(QStringLiteral("minisign.bad-signature"),
                    Text::tr("The signature does not match the data: the file was changed after it "
                             "was signed, or the signature belongs to another file."),
                    Text::tr("Do not trust this file; export and sign it again."));
    }
    if (!globalSignatureValid(*sig, key)) {
        return fail(QStringLiteral("minisign.bad-comment"),
                    Text::tr("The trusted comment was changed after signing."),
                    Text::tr("Do not trust this file; export and sign it again."));
    }
    return QString::fromUtf8(sig->trustedComment.data(), qsizetype(sig->trustedComment.size()));
}

} // namespace raysec
