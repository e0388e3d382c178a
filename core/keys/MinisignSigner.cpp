#include "core/keys/MinisignSigner.h"

#include "core/keys/MinisignFormat.h"
#include "core/keys/MinisignKeyPair.h"

#include <QCoreApplication>

#include <sodium.h>

#include <array>
#include <cstring>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::MinisignSigner)
};

} // namespace

Result<std::string> MinisignSigner::sign(const MinisignKeyPair& keyPair, std::string_view message,
                                         std::string_view trustedComment,
                                         std::string_view untrustedComment)
{
    if (auto ok = minisign::checkComment(trustedComment, Text::tr("trusted comment")); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = minisign::checkComment(untrustedComment, Text::tr("untrusted comment")); !ok) {
        return std::unexpected(ok.error());
    }
    const unsigned char* sk = keyPair.secretKey().bytes().data();

    // Prehashing lets minisign verify files of any size in constant memory.
    std::array<unsigned char, crypto_generichash_BYTES_MAX> hash{};
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       nullptr, 0);

    std::array<unsigned char, 2 + 8 + crypto_sign_BYTES> sigBlob{};
    std::memcpy(sigBlob.data(), minisign::PrehashedAlgorithm.data(), 2);
    std::memcpy(sigBlob.data() + 2, keyPair.keyId().data(), 8);
    unsigned char* signature = sigBlob.data() + 10;
    crypto_sign_detached(signature, nullptr, hash.data(), hash.size(), sk);

    // The global signature covers the signature and the trusted comment together.
    std::string globalInput(reinterpret_cast<const char*>(signature), crypto_sign_BYTES);
    globalInput.append(trustedComment);
    std::array<unsigned char, crypto_sign_BYTES> global{};
    crypto_sign_detached(global.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(globalInput.data()),
                         globalInput.size(), sk);

    std::string out(minisign::UntrustedPrefix);
    out.append(untrustedComment).append("\n");
    out.append(minisign::toBase64(sigBlob)).append("\n");
    out.append(minisign::TrustedPrefix).append(trustedComment).append("\n");
    out.append(minisign::toBase64(global)).append("\n");
    return out;
}

} // namespace raysec
