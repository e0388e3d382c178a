#include "core/tls/NodeIssuer.h"

#include "core/tls/CertificateBuilder.h"

#include <QCoreApplication>

#include <openssl/pem.h>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::NodeIssuer)
};

Result<CertificateSpec> leafSpec(const CertificateAuthority& ca, const NodeEntry& node,
                                 const IssueSettings& settings)
{
    if (auto ok = node.validate(); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = NodeIssuer::checkSettings(ca, settings); !ok) {
        return std::unexpected(ok.error());
    }
    return CertificateSpec{node.name,
                           node.sanEntries(settings.headNames),
                           false,
                           -1,
                           settings.notBefore,
                           settings.validityDays};
}

} // namespace

Result<IssuedNode> NodeIssuer::issue(const CertificateAuthority& ca, const NodeEntry& node,
                                     const IssueSettings& settings)
{
    auto spec = leafSpec(ca, node, settings);
    if (!spec) {
        return std::unexpected(spec.error());
    }
    auto key = PrivateKey::generate(settings.keyType);
    if (!key) {
        return std::unexpected(key.error());
    }
    auto cert = CertificateBuilder::sign(*spec, key->get(), &ca.signer(), ca.signingKey());
    if (!cert) {
        return std::unexpected(cert.error());
    }
    return IssuedNode{node, std::move(*cert), std::move(*key)};
}

Result<IssuedNode> NodeIssuer::signCsr(const CertificateAuthority& ca, std::string_view csrPem,
                                       const NodeEntry& node, const IssueSettings& settings)
{
    BioPtr bio = readBio(csrPem);
    X509ReqPtr request(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
    if (!request) {
        return std::unexpected(openSslError(
            QStringLiteral("tls.csr-pem"), Text::tr("The text holds no readable PEM CSR"),
            Text::tr("Give the file made by the openssl req command Raysec prints "
                     "(-----BEGIN CERTIFICATE REQUEST-----).")));
    }
    EVP_PKEY* publicKey = X509_REQ_get0_pubkey(request.get());
    if (!publicKey || X509_REQ_verify(request.get(), publicKey) != 1) {
        return std::unexpected(openSslError(
            QStringLiteral("tls.csr-signature"),
            Text::tr("The CSR's own signature does not verify"),
            Text::tr("Make the CSR again on the node; this one is damaged or was altered.")));
    }
    auto spec = leafSpec(ca, node, settings);
    if (!spec) {
        return std::unexpected(spec.error());
    }
    auto cert = CertificateBuilder::sign(*spec, publicKey, &ca.signer(), ca.signingKey());
    if (!cert) {
        return std::unexpected(cert.error());
    }
    return IssuedNode{node, std::move(*cert), {}};
}

Result<void> NodeIssuer::checkSettings(const CertificateAuthority& ca,
                                       const IssueSettings& settings)
{
    if (auto ok = CertificateBuilder::checkValidity(settings.validityDays, false); !ok) {
        return ok;
    }
    for (const QString& name : settings.headNames) {
        if (!isValidDnsName(name) && !isValidIpAddress(name)) {
            return fail(QStringLiteral("tls.head-name"),
                        Text::tr("\"%1\" is neither a DNS name nor an IP address.").arg(name),
                        Text::tr("Give the names clients use for the head, such as "
                                 "ray-head.ray.svc.cluster.local."));
        }
    }
    const QDateTime start =
        settings.notBefore.isValid() ? settings.notBefore : QDateTime::currentDateTimeUtc();
    if (start.addDays(settings.validityDays) > ca.signer().notAfter()) {
        return fail(QStringLiteral("tls.validity-beyond-ca"),
                    Text::tr("%1 days would outlive the CA, which expires on %2.")
                        .arg(settings.validityDays)
                        .arg(ca.signer().notAfter().toString(Qt::ISODate)),
                    Text::tr("Choose a shorter validity or renew the CA first."));
    }
    return {};
}

QString NodeIssuer::csrCommand(const NodeEntry& node, KeyType keyType)
{
    QString algorithm;
    switch (keyType) {
    case KeyType::EcdsaP256:
    case KeyType::EcdsaP384:
        algorithm = QStringLiteral("-algorithm EC -pkeyopt ec_paramgen_curve:%1")
                        .arg(keyType == KeyType::EcdsaP256 ? QStringLiteral("P-256")
                                                           : QStringLiteral("P-384"));
        break;
    case KeyType::Ed25519:
        algorithm = QStringLiteral("-algorithm ED25519");
        break;
    default:
        algorithm = QStringLiteral("-algorithm RSA -pkeyopt rsa_keygen_bits:%1")
                        .arg(keyTypeName(keyType).section(QLatin1Char('-'), 1));
        break;
    }
    return QStringLiteral("umask 077 && openssl genpkey %1 -out tls.key && "
                          "openssl req -new -key tls.key -subj '/CN=%2' -out %2.csr")
        .arg(algorithm, node.name);
}

} // namespace raysec::tls
