#pragma once

#include "core/common/Error.h"
#include "core/tls/OpenSsl.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace raysec::tls {

class PrivateKey;

// One X.509 certificate with the facts Raysec shows and checks: names, SANs, validity,
// fingerprint. Copies share the one OpenSSL object.
class Certificate
{
public:
    Certificate() = default;
    explicit Certificate(X509Ptr cert);
    Certificate(const Certificate& other);
    Certificate& operator=(const Certificate& other);
    Certificate(Certificate&&) noexcept = default;
    Certificate& operator=(Certificate&&) noexcept = default;

    // Every certificate in a PEM text, in order; at least one, or an error.
    static Result<QList<Certificate>> listFromPem(std::string_view pem);
    static Result<Certificate> fromPem(std::string_view pem);

    bool isNull() const { return !m_cert; }
    X509* get() const { return m_cert.get(); }

    QString subjectCommonName() const;
    QString subject() const;
    QString issuer() const;
    QString serialHex() const;
    int serialBits() const;
    QString sha256Fingerprint() const; // hex, colon-separated, upper case
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    // Subject alternative names as "DNS:name" and "IP:address".
    QStringList subjectAltNames() const;
    bool isCa() const;
    bool isSelfSigned() const;
    bool hasServerAndClientAuth() const;
    QString keyDescription() const;
    bool matchesKey(const PrivateKey& key) const;

    QByteArray toPem() const;

private:
    X509Ptr m_cert;
};

// Joins certificates into one PEM text, in order.
QByteArray certificatesToPem(const QList<Certificate>& certs);

} // namespace raysec::tls
