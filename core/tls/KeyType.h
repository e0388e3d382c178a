#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace raysec::tls {

// The key algorithms Raysec issues. ECDSA P-256 is the default: small, fast and accepted by
// gRPC. Ed25519 is offered with a warning because Ray's gRPC support for it is unconfirmed.
enum class KeyType
{
    EcdsaP256,
    EcdsaP384,
    Rsa2048,
    Rsa3072,
    Rsa4096,
    Ed25519
};

// Stable names for files, the store and the CLI: "ecdsa-p256", "rsa-2048", "ed25519", ...
QString keyTypeName(KeyType type);
std::optional<KeyType> keyTypeFromName(const QString& name);
QList<KeyType> allKeyTypes();
// A translated caution for the person choosing this type; empty when there is none.
QString keyTypeWarning(KeyType type);

} // namespace raysec::tls
