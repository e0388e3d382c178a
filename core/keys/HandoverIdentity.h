#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <array>
#include <string>
#include <string_view>

namespace raysec {

// A recipient's X25519 key pair for receiving sealed API keys. The recipient gives the text of
// publicKeyText() ("raysec-recipient-v1:<base64>") to the admin; the secret half stays in the
// recipient's keychain.
class HandoverIdentity
{
public:
    using PublicKey = std::array<unsigned char, 32>;
    static constexpr std::string_view TextPrefix = "raysec-recipient-v1:";

    static HandoverIdentity generate();
    // Rebuilds from material(): public key || secret key.
    static Result<HandoverIdentity> fromMaterial(const SecretBuffer& material);
    static Result<PublicKey> parsePublicKey(std::string_view text);

    SecretBuffer material() const;
    const PublicKey& publicKey() const { return m_publicKey; }
    const SecretBuffer& secretKey() const { return m_secretKey; }
    std::string publicKeyText() const;

private:
    HandoverIdentity() = default;

    PublicKey m_publicKey{};
    SecretBuffer m_secretKey;
};

} // namespace raysec
