#include "core/tls/KeyType.h"

#include <QCoreApplication>

namespace raysec::tls {

QString keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::EcdsaP256:
        return QStringLiteral("ecdsa-p256");
    case KeyType::EcdsaP384:
        return QStringLiteral("ecdsa-p384");
    case KeyType::Rsa2048:
        return QStringLiteral("rsa-2048");
    case KeyType::Rsa3072:
        return QStringLiteral("rsa-3072");
    case KeyType::Rsa4096:
        return QStringLiteral("rsa-4096");
    case KeyType::Ed25519:
        return QStringLiteral("ed25519");
    }
    return {};
}

std::optional<KeyType> keyTypeFromName(const QString& name)
{
    for (KeyType type : allKeyTypes()) {
        if (keyTypeName(type).compare(name, Qt::CaseInsensitive) == 0) {
            return type;
        }
    }
    return std::nullopt;
}

QList<KeyType> allKeyTypes()
{
    return {KeyType::EcdsaP256, KeyType::EcdsaP384, KeyType::Rsa2048,
            KeyType::Rsa3072,   KeyType::Rsa4096,   KeyType::Ed25519};
}

QString keyTypeWarning(KeyType type)
{
    if (type == KeyType::Ed25519) {
        return QCoreApplication::translate(
            "raysec::tls::KeyType",
            "Ray's gRPC support for Ed25519 certificates is unconfirmed; test a node before "
            "rolling it out, or choose ECDSA P-256.");
    }
    return {};
}

} // namespace raysec::tls
