#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>

#include <array>
#include <string>

namespace raysec {

// An Ed25519 signing key pair with minisign's 8-byte key id, so that everything Raysec signs
// (registry and policy bundles) verifies with `minisign -V`. The secret half lives in a
// SecretBuffer; publicKeyFile() gives the `.pub` text that the gateway and minisign read.
class MinisignKeyPair
{
public:
    static constexpr std::size_t KeyIdSize = 8;
    static constexpr std::size_t PublicKeySize = 32;
    static constexpr std::size_t SecretKeySize = 64;
    // keyId || Ed25519 secret key: what the keychain and backups hold.
    static constexpr std::size_t SecretMaterialSize = KeyIdSize + SecretKeySize;

    using KeyId = std::array<unsigned char, KeyIdSize>;
    using PublicKey = std::array<unsigned char, PublicKeySize>;

    static MinisignKeyPair generate();
    // Rebuilds a pair from secretMaterial(); names what is wrong with damaged material.
    static Result<MinisignKeyPair> fromSecretMaterial(const SecretBuffer& material);

    SecretBuffer secretMaterial() const;
    const KeyId& keyId() const { return m_keyId; }
    const PublicKey& publicKey() const { return m_publicKey; }
    const SecretBuffer& secretKey() const { return m_secretKey; }

    // The key id as minisign prints it (16 upper-case hex digits).
    QString keyIdHex() const;
    // The "RW..." base64 line of a minisign public key.
    std::string publicKeyBase64() const;
    // The whole `.pub` file: "untrusted comment: ...\nRW...\n".
    std::string publicKeyFile() const;

private:
    MinisignKeyPair() = default;

    KeyId m_keyId{};
    PublicKey m_publicKey{};
    SecretBuffer m_secretKey;
};

} // namespace raysec
