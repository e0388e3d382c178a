#include "core/tls/CertificateBuilder.h"

#include "core/tls/NodeEntry.h"

#include <QCoreApplication>

#include <openssl/rand.h>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::CertificateBuilder)
};

Error buildError(const QString& what)
{
    return openSslError(QStringLiteral("tls.cert-build"), what);
}

Result<void> setSerial(X509* cert)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        return std::unexpected(buildError(Text::tr("Drawing a random serial number failed")));
    }
    // All 128 bits stay random: a zero serial has probability 2^-128, and a leading one bit
    // only makes the DER integer one byte longer, within RFC 5280's 20 bytes.
    BignumPtr bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    Asn1IntegerPtr serial(bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr);
    if (!serial || !X509_set_serialNumber(cert, serial.get())) {
        return std::unexpected(buildError(Text::tr("Setting the serial number failed")));
    }
    return {};
}

Result<void> setNamesAndValidity(X509* cert, const CertificateSpec& spec, const X509* issuer)
{
    X509_NAME* name = X509_get_subject_name(cert);
    const QByteArray cn = spec.commonName.toUtf8();
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(cn.constData()),
                                    int(cn.size()), -1, 0) ||
        !X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name)) {
        return std::unexpected(buildError(Text::tr("Setting the certificate's names failed")));
    }
    QDateTime start =
        spec.notBefore.isValid() ? spec.notBefore : QDateTime::currentDateTimeUtc().addSecs(-300);
    const time_t from = time_t(start.toSecsSinceEpoch());
    const time_t until = from + time_t(spec.validityDays) * 86400;
    if (!ASN1_TIME_set(X509_getm_notBefore(cert), from) ||
        !ASN1_TIME_set(X509_getm_notAfter(cert), until)) {
        return std::unexpected(buildError(Text::tr("Setting the validity period failed")));
    }
    return {};
}

Result<void> addExtension(X509* cert, X509V3_CTX* ctx, int nid, const char* value)
{
    X509ExtPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    if (!ext || !X509_add_ext(cert, ext.get(), -1)) {
        return std::unexpected(buildError(
            Text::tr("Adding the %1 extension failed").arg(QString::fromLatin1(OBJ_nid2sn(nid)))));
    }
    return {};
}

Result<void> addSubjectAltNames(X509* cert, const QStringList& entries)
{
    GeneralNamesPtr names(GENERAL_NAMES_new());
    for (const QString& entry : entries) {
        GeneralNamePtr name;
        const QByteArray value = entry.section(QLatin1Char(':'), 1).toUtf8();
        if (entry.startsWith(QLatin1String("IP:")) && isValidIpAddress(QString::fromUtf8(value))) {
            name.reset(
                a2i_GENERAL_NAME(nullptr, nullptr, nullptr, GEN_IPADD, value.constData(), 0));
        } else if (entry.startsWith(QLatin1String("DNS:")) &&
                   isValidDnsName(QString::fromUtf8(value))) {
            name.reset(a2i_GENERAL_NAME(nullptr, nullptr, nullptr, GEN_DNS, value.constData(), 0));
        } else {
            return fail(QStringLiteral("tls.san"),
                        Text::tr("\"%1\" is not a usable subject alternative name.").arg(entry),
                        Text::tr("Use IP:address or DNS:name with a valid address or DNS name."));
        }
        if (!name || !sk_GENERAL_NAME_push(names.get(), name.get())) {
            return std::unexpected(buildError(Text::tr("Adding the name %1 failed").arg(entry)));
        }
        name.release(); // now owned by the stack
    }
    if (!X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT)) {
        return std::unexpected(buildError(Text::tr("Adding the subject alternative names failed")));
    }
    return {};
}

Result<void> addExtensions(X509* cert, const CertificateSpec& spec, X509* issuer,
                           EVP_PKEY* subjectKey)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer ? issuer : cert, cert, nullptr, nullptr, 0);
    QByteArray constraints = "critical,CA:FALSE";
    if (spec.isCa) {
        constraints = spec.pathLength >= 0
                          ? "critical,CA:TRUE,pathlen:" + QByteArray::number(spec.pathLength)
                          : QByteArray("critical,CA:TRUE");
    }
    const char* usage = spec.isCa ? "critical,keyCertSign,cRLSign"
                        : EVP_PKEY_is_a(subjectKey, "RSA")
                            ? "critical,digitalSignature,keyEncipherment"
                            : "critical,digitalSignature";
    Result<void> ok = addExtension(cert, &ctx, NID_basic_constraints, constraints.constData());
    ok = ok ? addExtension(cert, &ctx, NID_key_usage, usage) : ok;
    ok = ok ? addExtension(cert, &ctx, NID_subject_key_identifier, "hash") : ok;
    ok = ok ? addExtension(cert, &ctx, NID_authority_key_identifier, "keyid:always") : ok;
    if (ok && !spec.isCa) {
        ok = addExtension(cert, &ctx, NID_ext_key_usage, "serverAuth,clientAuth");
    }
    if (ok && !spec.subjectAltNames.isEmpty()) {
        ok = addSubjectAltNames(cert, spec.subjectAltNames);
    }
    return ok;
}

} // namespace

Result<void> CertificateBuilder::checkValidity(int days, bool isCa)
{
    const int maximum = isCa ? maxCaDays : maxLeafDays;
    if (days < 1 || days > maximum) {
        return fail(
            QStringLiteral("tls.validity"),
            Text::tr("A validity of %1 days is outside 1 to %2 days.").arg(days).arg(maximum),
            isCa ? Text::tr("Ray's examples use 3650 days for a CA.")
                 : Text::tr("Ray's examples use 365 days for node certificates."));
    }
    return {};
}

Result<Certificate> CertificateBuilder::sign(const CertificateSpec& spec, EVP_PKEY* subjectKey,
                                             const Certificate* issuer, const PrivateKey& issuerKey)
{
    if (auto ok = checkValidity(spec.validityDays, spec.isCa); !ok) {
        return std::unexpected(ok.error());
    }
    X509Ptr cert(X509_new());
    if (!cert || !X509_set_version(cert.get(), X509_VERSION_3) ||
        !X509_set_pubkey(cert.get(), subjectKey)) {
        return std::unexpected(buildError(Text::tr("Preparing the certificate failed")));
    }
    X509* issuerCert = issuer ? issuer->get() : nullptr;
    Result<void> ok = setSerial(cert.get());
    ok = ok ? setNamesAndValidity(cert.get(), spec, issuerCert) : ok;
    ok = ok ? addExtensions(cert.get(), spec, issuerCert, subjectKey) : ok;
    if (!ok) {
        return std::unexpected(ok.error());
    }
    if (X509_sign(cert.get(), issuerKey.get(), signatureDigest(issuerKey)) <= 0) {
        return std::unexpected(buildError(Text::tr("Signing the certificate failed")));
    }
    return Certificate(std::move(cert));
}

} // namespace raysec::tls
