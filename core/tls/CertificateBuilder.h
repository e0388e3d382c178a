#pragma once

#include "core/common/Error.h"
#include "core/tls/Certificate.h"
#include "core/tls/PrivateKey.h"

#include <QDateTime>

namespace raysec::tls {

// What goes into one certificate. Leaves get EKU serverAuth and clientAuth because Ray uses one
// certificate for both sides of its mutual TLS.
struct CertificateSpec
{
    QString commonName;
    QStringList subjectAltNames; // "IP:..." and "DNS:..." entries
    bool isCa = false;
    int pathLength = -1; // CAs only; -1 leaves it unlimited
    QDateTime notBefore; // invalid: now, less five minutes for clock skew between nodes
    int validityDays = 365;
};

// Builds and signs X.509 v3 certificates: 128-bit random serials, basicConstraints, keyUsage,
// subject and authority key identifiers, SANs.
class CertificateBuilder
{
public:
    static constexpr int defaultCaDays = 3650;
    static constexpr int defaultLeafDays = 365;
    static constexpr int maxCaDays = 36500;
    static constexpr int maxLeafDays = 3650;

    // Signs `subjectKey`'s public half. A null `issuer` makes a self-signed certificate, then
    // `issuerKey` must be the subject's own key.
    static Result<Certificate> sign(const CertificateSpec& spec, EVP_PKEY* subjectKey,
                                    const Certificate* issuer, const PrivateKey& issuerKey);

    // A reason when `days` is outside the allowed range for a CA or a leaf.
    static Result<void> checkValidity(int days, bool isCa);
};

} // namespace raysec::tls
