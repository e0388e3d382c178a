#include "ui/certs/KeyTypeLabels.h"

#include <QComboBox>
#include <QCoreApplication>

namespace raysec::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ui::KeyTypeLabels)
};

} // namespace

QString keyTypeLabel(tls::KeyType type)
{
    switch (type) {
    case tls::KeyType::EcdsaP256:
        return Text::tr("ECDSA P-256 (recommended)");
    case tls::KeyType::EcdsaP384:
        return Text::tr("ECDSA P-384");
    case tls::KeyType::Rsa2048:
        return Text::tr("RSA 2048");
    case tls::KeyType::Rsa3072:
        return Text::tr("RSA 3072");
    case tls::KeyType::Rsa4096:
        return Text::tr("RSA 4096");
    case tls::KeyType::Ed25519:
        return Text::tr("Ed25519");
    }
    return tls::keyTypeName(type);
}

void fillKeyTypes(QComboBox* box)
{
    for (tls::KeyType type : tls::allKeyTypes()) {
        box->addItem(keyTypeLabel(type), int(type));
    }
    box->setCurrentIndex(box->findData(int(tls::KeyType::EcdsaP256)));
}

tls::KeyType selectedKeyType(const QComboBox* box)
{
    return tls::KeyType(box->currentData().toInt());
}

} // namespace raysec::ui
