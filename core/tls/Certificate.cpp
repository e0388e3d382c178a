#include "core/tls/Certificate.h"

#include "core/tls/PrivateKey.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <openssl/err.h>
#include <openssl/pem.h>

#include <ctime>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::Certificate)
};

QString nameText(const X509_NAME* name)
{
    BioPtr bio = writeBio();
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
    return QString::fromUtf8(bioContents(bio.get()));
}

QDateTime toDateTime(const ASN1_TIME* time)
{
    std::tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1) {
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString generalNameText(const GENERAL_NAME* name)
{
    if (name->type == GEN_DNS) {
        const ASN1_IA5STRING* dns = name->d.dNSName;
        return QStringLiteral("DNS:") +
               QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                                   ASN1_STRING_length(dns));
    }
    if (name->type == GEN_IPADD) {
        const ASN1_OCTET_STRING* ip = name->d.iPAddress;
        const unsigned char* bytes = ASN1_STRING_get0_data(ip);
        QHostAddress address;
        if (ASN1_STRING_length(ip) == 4) {
            address.setAddress(quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 |
                               quint32(bytes[2]) << 8 | quint32(bytes[3]));
        } else if (ASN1_STRING_length(ip) == 16) {
            address.setAddress(bytes);
        }
        return QStringLiteral("IP:") + address.toString();
    }
    return {};
}

} // namespace

Certificate::Certificate(X509Ptr cert)
    : m_cert(std::move(cert))
{
}

Certificate::Certificate(const Certificate& other)
{
    *this = other;
}

Certificate& Certificate::operator=(const Certificate& other)
{
    if (this != &other) {
        if (other.m_cert) {
            X509_up_ref(other.m_cert.get());
        }
        m_cert.reset(other.m_cert.get());
    }
    return *this;
}

Result<QList<Certificate>> Certificate::listFromPem(std::string_view pem)
{
    BioPtr bio = readBio(pem);
    QList<Certificate> certs;
    while (X509* raw = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        certs.append(Certificate(X509Ptr(raw)));
    }
    // The loop ends with "no start line" once the text is used up; any other reason means a
    // damaged block, and a text with a damaged certificate is refused as a whole.
    const unsigned long last = ERR_peek_last_error();
    const bool cleanEnd =
        ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
    if (certs.isEmpty() || !cleanEnd) {
        return std::unexpected(openSslError(
            QStringLiteral("tls.cert-pem"), Text::tr("The text holds no readable PEM certificate"),
            Text::tr("Give a PEM certificate (-----BEGIN CERTIFICATE-----).")));
    }
    clearOpenSslErrors();
    return certs;
}

Result<Certificate> Certificate::fromPem(std::string_view pem)
{
    auto certs = listFromPem(pem);
    if (!certs) {
        return std::unexpected(certs.error());
    }
    return certs->first();
}

QString Certificate::subjectCommonName() const
{
    const X509_NAME* name = X509_get_subject_name(m_cert.get());
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0) {
        return {};
    }
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    return QString::fromUtf8(reinterpret_cast<const char*>(ASN1_STRING_get0_data(data)),
                             ASN1_STRING_length(data));
}

QString Certificate::subject() const
{
    return nameText(X509_get_subject_name(m_cert.get()));
}

QString Certificate::issuer() const
{
    return nameText(X509_get_issuer_name(m_cert.get()));
}

QString Certificate::serialHex() const
{
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_cert.get()), nullptr));
    if (!bn) {
        return {};
    }
    char* hex = BN_bn2hex(bn.get());
    const QString text = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    return text;
}

int Certificate::serialBits() const
{
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_cert.get()), nullptr));
    return bn ? BN_num_bits(bn.get()) : 0;
}

QString Certificate::sha256Fingerprint() const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!X509_digest(m_cert.get(), EVP_sha256(), digest, &length)) {
        clearOpenSslErrors();
        return {};
    }
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex(':').toUpper());
}

QDateTime Certificate::notBefore() const
{
    return toDateTime(X509_get0_notBefore(m_cert.get()));
}

QDateTime Certificate::notAfter() const
{
    return toDateTime(X509_get0_notAfter(m_cert.get()));
}

QStringList Certificate::subjectAltNames() const
{
    GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(m_cert.get(), NID_subject_alt_name, nullptr, nullptr)));
    QStringList result;
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const QString text = generalNameText(sk_GENERAL_NAME_value(names.get(), i));
        if (!text.isEmpty()) {
            result.append(text);
        }
    }
    return result;
}

bool Certificate::isCa() const
{
    return X509_check_ca(m_cert.get()) > 0;
}

bool Certificate::isSelfSigned() const
{
    return X509_self_signed(m_cert.get(), 0) == 1;
}

bool Certificate::hasServerAndClientAuth() const
{
    const uint32_t eku = X509_get_extended_key_usage(m_cert.get());
    return (eku & XKU_SSL_SERVER) && (eku & XKU_SSL_CLIENT);
}

QString Certificate::keyDescription() const
{
    const EVP_PKEY* key = X509_get0_pubkey(m_cert.get());
    if (!key) {
        return {};
    }
    return QStringLiteral("%1 %2")
        .arg(QString::fromLatin1(EVP_PKEY_get0_type_name(key)))
        .arg(EVP_PKEY_get_bits(key));
}

bool Certificate::matchesKey(const PrivateKey& key) const
{
    const bool matches = !key.isNull() && X509_check_private_key(m_cert.get(), key.get()) == 1;
    clearOpenSslErrors();
    return matches;
}

QByteArray Certificate::toPem() const
{
    BioPtr bio = writeBio();
    PEM_write_bio_X509(bio.get(), m_cert.get());
    const std::string_view text = bioContents(bio.get());
    return QByteArray(text.data(), qsizetype(text.size()));
}

QByteArray certificatesToPem(const QList<Certificate>& certs)
{
    QByteArray pem;
    for (const Certificate& cert : certs) {
        pem += cert.toPem();
    }
    return pem;
}

} // namespace raysec::tls
