#include "core/tls/CertificateAuthority.h"

#include "core/tls/CertificateBuilder.h"

#include <QCoreApplication>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::CertificateAuthority)
};

Error importError(const QString& message, const QString& hint)
{
    return Error{QStringLiteral("tls.ca-import"), message, hint};
}

Result<void> checkChain(const QList<Certificate>& chain)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < chain.size(); ++i) {
        const Certificate& cert = chain.at(i);
        if (!cert.isCa()) {
            return std::unexpected(
                importError(Text::tr("%1 is not a CA certificate.").arg(cert.subject()),
                            Text::tr("Import the CA's own certificate, not a node certificate.")));
        }
        if (cert.notAfter() < now || cert.notBefore() > now) {
            return std::unexpected(importError(
                Text::tr("%1 is not valid now (valid %2 to %3).")
                    .arg(cert.subject(), cert.notBefore().toString(Qt::ISODate),
                         cert.notAfter().toString(Qt::ISODate)),
                Text::tr("Renew the CA first, or create a new one and plan a CA rotation.")));
        }
        const Certificate& next = i + 1 < chain.size() ? chain.at(i + 1) : cert;
        if (X509_check_issued(next.get(), cert.get()) != X509_V_OK) {
            return std::unexpected(importError(
                i + 1 < chain.size()
                    ? Text::tr("%1 was not issued by %2.").arg(cert.subject(), next.subject())
                    : Text::tr("The chain ends at %1, which is not a self-signed root.")
                          .arg(cert.subject()),
                Text::tr("Give the signing CA first and every CA above it up to the root.")));
        }
    }
    return {};
}

} // namespace

Result<CertificateAuthority> CertificateAuthority::create(const CaOptions& options)
{
    auto rootKey = PrivateKey::generate(options.keyType);
    if (!rootKey) {
        return std::unexpected(rootKey.error());
    }
    CertificateSpec spec{options.commonName,  {}, true, options.withIntermediate ? 1 : 0, {},
                         options.validityDays};
    auto root = CertificateBuilder::sign(spec, rootKey->get(), nullptr, *rootKey);
    if (!root) {
        return std::unexpected(root.error());
    }
    CertificateAuthority ca;
    ca.m_chain = {*root};
    ca.m_signingKey = *rootKey;
    if (!options.withIntermediate) {
        return ca;
    }

    auto key = PrivateKey::generate(options.keyType);
    if (!key) {
        return std::unexpected(key.error());
    }
    CertificateSpec intermediate{
        options.commonName + QStringLiteral(" intermediate"),    {}, true, 0, {},
        std::min(options.intermediateDays, options.validityDays)};
    auto signer = CertificateBuilder::sign(intermediate, key->get(), &*root, *rootKey);
    if (!signer) {
        return std::unexpected(signer.error());
    }
    ca.m_chain.prepend(*signer);
    ca.m_signingKey = *key;
    ca.m_rootKey = *rootKey;
    return ca;
}

Result<CertificateAuthority> CertificateAuthority::import(std::string_view chainPem,
                                                          std::string_view keyPem,
                                                          const SecretBuffer* passphrase)
{
    auto chain = Certificate::listFromPem(chainPem);
    if (!chain) {
        return std::unexpected(chain.error());
    }
    auto key = PrivateKey::fromPem(keyPem, passphrase);
    if (!key) {
        return std::unexpected(key.error());
    }
    if (!chain->first().matchesKey(*key)) {
        return std::unexpected(importError(
            Text::tr("The private key does not belong to %1.").arg(chain->first().subject()),
            Text::tr("Give the key that belongs to the first certificate of the chain.")));
    }
    if (auto ok = checkChain(*chain); !ok) {
        return std::unexpected(ok.error());
    }
    CertificateAuthority ca;
    ca.m_chain = *chain;
    ca.m_signingKey = *key;
    return ca;
}

QList<Certificate> CertificateAuthority::intermediates() const
{
    return m_chain.mid(0, m_chain.size() - 1);
}

} // namespace raysec::tls
