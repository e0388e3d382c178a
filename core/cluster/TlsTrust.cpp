#include "core/cluster/TlsTrust.h"

#include "core/cluster/ClusterErrors.h"
#include "core/common/SecretBuffer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QSslKey>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <sodium.h>

#include <memory>
#include <vector>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::TlsTrust)
};

struct X509Deleter
{
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

// Overwrites a QByteArray's buffer in place, including copies that share it.
void wipeShared(QByteArray& bytes)
{
    if (!bytes.isEmpty()) {
        sodium_memzero(const_cast<char*>(bytes.constData()), std::size_t(bytes.size()));
    }
    bytes.clear();
}

bool isChainError(QSslError::SslError e)
{
    switch (e) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::UnableToDecryptCertificateSignature:
        return true;
    default:
        return false;
    }
}

Result<QSslKey> loadKey(const QString& path, const SecretBuffer* passphrase)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::unexpected(ClusterErrors::tlsConfiguration(path, file.errorString()));
    }
    // The key file is a secret: it passes through QByteArray only for QSslKey, then is wiped.
    SecretBuffer pem = SecretBuffer::readAll(file);
    QByteArray pemBytes(pem.data(), qsizetype(pem.size()));
    QByteArray pass =
        passphrase ? QByteArray(passphrase->data(), qsizetype(passphrase->size())) : QByteArray();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pemBytes, algorithm, QSsl::Pem, QSsl::PrivateKey, pass);
        if (!key.isNull()) {
            break;
        }
    }
    wipeShared(pemBytes);
    wipeShared(pass);
    if (key.isNull()) {
        return std::unexpected(ClusterErrors::tlsConfiguration(
            path, Text::tr("not a PEM private key, or the passphrase is wrong")));
    }
    return key;
}

Result<void> loadClientIdentity(const ClusterProfile& profile, const SecretBuffer* passphrase,
                                QSslConfiguration& config)
{
    const QList<QSslCertificate> certs =
        QSslCertificate::fromPath(profile.clientCertPath, QSsl::Pem);
    if (certs.isEmpty()) {
        return std::unexpected(ClusterErrors::tlsConfiguration(
            profile.clientCertPath, Text::tr("no PEM certificate in the file")));
    }
    auto key = loadKey(profile.clientKeyPath, profile.clientKeyEncrypted ? passphrase : nullptr);
    if (!key) {
        return std::unexpected(key.error());
    }
    config.setLocalCertificate(certs.first());
    config.setPrivateKey(*key);
    return {};
}

QStringList certificateNames(const QSslCertificate& leaf)
{
    QStringList names;
    const auto alternatives = leaf.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        names.append(it.value());
    }
    if (names.isEmpty()) {
        names = leaf.subjectInfo(QSslCertificate::CommonName);
    }
    return names;
}

} // namespace

Result<TlsTrust> TlsTrust::fromProfile(const ClusterProfile& profile,
                                       const SecretBuffer* keyPassphrase)
{
    TlsTrust trust;
    trust.m_mode = profile.trust;
    trust.m_pin = profile.pinnedSpkiSha256;
    trust.m_config = QSslConfiguration::defaultConfiguration();
    trust.m_config.setProtocol(QSsl::TlsV1_2OrLater);
    trust.m_config.setPeerVerifyMode(QSslSocket::VerifyPeer);

    if (profile.trust == TrustMode::CaBundle) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(profile.caBundlePath);
        if (cas.isEmpty()) {
            return std::unexpected(ClusterErrors::tlsConfiguration(
                profile.caBundlePath, Text::tr("no PEM certificate in the file")));
        }
        // Setting the list also stops Qt from loading system roots on demand.
        trust.m_config.setCaCertificates(cas);
    } else if (profile.trust == TrustMode::PinnedSpki) {
        // No CA at all: every chain fails, and judge() lets through only the pinned leaf.
        trust.m_config.setCaCertificates({});
    }

    if (!profile.clientCertPath.isEmpty()) {
        if (auto ok = loadClientIdentity(profile, keyPassphrase, trust.m_config); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return trust;
}

TlsTrust::Verdict TlsTrust::judge(const QList<QSslError>& errors, const QSslCertificate& leaf,
                                  const QString& host) const
{
    Verdict verdict;
    if (m_mode == TrustMode::PinnedSpki) {
        if (auto mismatch = checkAccepted(leaf)) {
            verdict.error = mismatch;
            return verdict;
        }
    }

    QList<QSslError> remaining;
    for (const QSslError& e : errors) {
        if (m_mode == TrustMode::PinnedSpki && isChainError(e.error())) {
            verdict.ignore.append(e);
        } else {
            remaining.append(e);
        }
    }
    const auto has = [&remaining](auto predicate) {
        return std::any_of(remaining.cbegin(), remaining.cend(),
                           [&](const QSslError& e) { return predicate(e.error()); });
    };
    if (has(isChainError)) {
        verdict.error = ClusterErrors::unknownCa(subject(leaf), fingerprint(leaf), spkiPin(leaf));
    } else if (has([](auto e) { return e == QSslError::CertificateExpired; })) {
        verdict.error = ClusterErrors::certificateExpired(leaf.expiryDate());
    } else if (has([](auto e) { return e == QSslError::CertificateNotYetValid; })) {
        verdict.error = ClusterErrors::certificateNotYetValid(leaf.effectiveDate());
    } else if (has([](auto e) { return e == QSslError::HostNameMismatch; })) {
        verdict.error = ClusterErrors::hostnameMismatch(host, certificateNames(leaf));
    } else if (!remaining.isEmpty()) {
        verdict.error = ClusterErrors::certificateRejected(remaining.first().errorString());
    }
    if (verdict.error) {
        verdict.ignore.clear();
    }
    return verdict;
}

std::optional<Error> TlsTrust::checkAccepted(const QSslCertificate& leaf) const
{
    if (m_mode != TrustMode::PinnedSpki) {
        return std::nullopt;
    }
    const QString presented = spkiPin(leaf);
    if (presented.isEmpty() || presented != m_pin) {
        return ClusterErrors::pinMismatch(m_pin, presented, fingerprint(leaf));
    }
    return std::nullopt;
}

QString TlsTrust::spkiPin(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr x509(d2i_X509(nullptr, &p, long(der.size())));
    if (!x509) {
        return {};
    }
    X509_PUBKEY* publicKey = X509_get_X509_PUBKEY(x509.get());
    const int length = publicKey ? i2d_X509_PUBKEY(publicKey, nullptr) : -1;
    if (length <= 0) {
        return {};
    }
    std::vector<unsigned char> spki(static_cast<std::size_t>(length));
    unsigned char* out = spki.data();
    i2d_X509_PUBKEY(publicKey, &out);

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (EVP_Digest(spki.data(), spki.size(), digest, &digestLength, EVP_sha256(), nullptr) != 1) {
        return {};
    }
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), int(digestLength)).toBase64());
}

QString TlsTrust::fingerprint(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsTrust::subject(const QSslCertificate& certificate)
{
    return certificate.subjectDisplayName();
}

} // namespace raysec
