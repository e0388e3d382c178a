#include "sim/SimCertificates.h"

#include "core/common/SafeFile.h"
#include "sim/OpenSslHandles.h"

#include <QDir>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <vector>

namespace raysec::sim {

namespace {

constexpr long kDay = 24L * 60 * 60;

struct CertificateSpec
{
    const char* commonName;
    long notBeforeOffset; // seconds from now
    long notAfterOffset;
    std::vector<std::pair<int, const char*>> extensions; // NID and OpenSSL config value
};

// Takes the oldest queued OpenSSL error as text and clears the queue.
Error openSslError(const QString& what)
{
    char text[256] = {};
    const unsigned long code = ERR_get_error();
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return Error{QStringLiteral("sim.tls"),
                 SimCertificates::tr("Could not make the simulator's %1: %2")
                     .arg(what, QString::fromLatin1(text)),
                 {}};
}

Result<PKeyHandle> makeKey()
{
    PKeyHandle key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        return std::unexpected(openSslError(SimCertificates::tr("key")));
    }
    return key;
}

bool addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509ExtensionHandle extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool setNames(X509* certificate, const char* commonName, X509* issuer)
{
    X509_NAME* subject = X509_get_subject_name(certificate);
    const auto* cn = reinterpret_cast<const unsigned char*>(commonName);
    const auto* org = reinterpret_cast<const unsigned char*>("raysec-sim");
    if (X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, org, -1, -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, cn, -1, -1, 0) != 1) {
        return false;
    }
    X509_NAME* issuerName = issuer ? X509_get_subject_name(issuer) : subject;
    return X509_set_issuer_name(certificate, issuerName) == 1;
}

// Issues a certificate for key, signed by issuerKey (issuer null means self-signed).
Result<X509Handle> issue(const CertificateSpec& spec, EVP_PKEY* key, X509* issuer,
                         EVP_PKEY* issuerKey)
{
    X509Handle certificate(X509_new());
    uint64_t serial = 0;
    if (!certificate || RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial) != 1) {
        return std::unexpected(openSslError(SimCertificates::tr("certificate")));
    }
    serial >>= 1; // keeps the serial positive

    const bool ok =
        X509_set_version(certificate.get(), X509_VERSION_3) == 1 &&
        ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate.get()), serial) == 1 &&
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), spec.notBeforeOffset) &&
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), spec.notAfterOffset) &&
        X509_set_pubkey(certificate.get(), key) == 1 &&
        setNames(certificate.get(), spec.commonName, issuer);
    if (!ok) {
        return std::unexpected(openSslError(SimCertificates::tr("certificate")));
    }

    X509* signer = issuer ? issuer : certificate.get();
    for (const auto& [nid, value] : spec.extensions) {
        if (!addExtension(certificate.get(), signer, nid, value)) {
            return std::unexpected(openSslError(SimCertificates::tr("certificate extension")));
        }
    }
    if (X509_sign(certificate.get(), issuerKey, EVP_sha256()) <= 0) {
        return std::unexpected(openSslError(SimCertificates::tr("certificate signature")));
    }
    return certificate;
}

QByteArray toPem(X509* certificate)
{
    BioHandle bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), certificate);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(size));
}

QByteArray toPem(EVP_PKEY* key)
{
    BioHandle bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, qsizetype(size));
    OPENSSL_cleanse(data, std::size_t(size));
    return pem;
}

CertificateSpec caSpec()
{
    return {"raysec-sim CA",
            -kDay,
            3650 * kDay,
            {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
             {NID_key_usage, "critical,keyCertSign,cRLSign"},
             {NID_subject_key_identifier, "hash"}}};
}

CertificateSpec serverSpec(SimOptions::TlsMode mode)
{
    CertificateSpec spec{"127.0.0.1",
                         -3600,
                         30 * kDay,
                         {{NID_basic_constraints, "critical,CA:FALSE"},
                          {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                          {NID_ext_key_usage, "serverAuth,clientAuth"},
                          {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                          {NID_authority_key_identifier, "keyid:always"}}};
    if (mode == SimOptions::TlsMode::Expired) {
        spec.notBeforeOffset = -30 * kDay;
        spec.notAfterOffset = -kDay;
    } else if (mode == SimOptions::TlsMode::WrongHost) {
        spec.commonName = "wrong-host.invalid";
        spec.extensions[3].second = "DNS:wrong-host.invalid";
    } else if (mode == SimOptions::TlsMode::SelfSigned) {
        spec.extensions.pop_back(); // no CA to point at
    }
    return spec;
}

} // namespace

Result<SimCertificates> SimCertificates::create(SimOptions::TlsMode mode)
{
    Result<PKeyHandle> caKey = makeKey();
    if (!caKey) {
        return std::unexpected(caKey.error());
    }
    Result<PKeyHandle> serverKey = makeKey();
    if (!serverKey) {
        return std::unexpected(serverKey.error());
    }
    Result<X509Handle> ca = issue(caSpec(), caKey->get(), nullptr, caKey->get());
    if (!ca) {
        return std::unexpected(ca.error());
    }

    const bool selfSigned = mode == SimOptions::TlsMode::SelfSigned;
    Result<X509Handle> server =
        issue(serverSpec(mode), serverKey->get(), selfSigned ? nullptr : ca->get(),
              selfSigned ? serverKey->get() : caKey->get());
    if (!server) {
        return std::unexpected(server.error());
    }

    SimCertificates certificates;
    certificates.m_caPem = toPem(ca->get());
    certificates.m_serverCertificate = QSslCertificate(toPem(server->get()), QSsl::Pem);
    QByteArray keyPem = toPem(serverKey->get());
    certificates.m_serverKey = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    keyPem.fill('\0');
    return certificates;
}

Result<QString> SimCertificates::writeTo(const QString& dir) const
{
    const QDir folder(dir);
    const QString caPath = folder.absoluteFilePath(QStringLiteral("ca.crt"));
    const QByteArray serverPem = m_serverCertificate.toPem();
    if (Result<void> written = SafeFile::write(caPath, m_caPem.toStdString()); !written) {
        return std::unexpected(written.error());
    }
    const QString serverPath = folder.absoluteFilePath(QStringLiteral("server.crt"));
    if (Result<void> written = SafeFile::write(serverPath, serverPem.toStdString()); !written) {
        return std::unexpected(written.error());
    }
    return caPath;
}

} // namespace raysec::sim
