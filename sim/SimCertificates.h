#pragma once

#include "core/common/Error.h"
#include "sim/SimOptions.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>

namespace raysec::sim {

// The simulator's throw-away PKI: a CA made in-process and a server certificate in one of the
// shapes client tests need (valid, expired, for the wrong host, or self-signed). Only the
// certificates are written to the state folder; the private keys stay in memory.
class SimCertificates
{
    Q_DECLARE_TR_FUNCTIONS(SimCertificates)

public:
    static Result<SimCertificates> create(SimOptions::TlsMode mode);

    // Writes ca.crt and server.crt into dir; returns the absolute path of ca.crt.
    Result<QString> writeTo(const QString& dir) const;

    QSslCertificate serverCertificate() const { return m_serverCertificate; }
    QSslKey serverKey() const { return m_serverKey; }
    QByteArray caPem() const { return m_caPem; }

private:
    QByteArray m_caPem;
    QSslCertificate m_serverCertificate;
    QSslKey m_serverKey;
};

} // namespace raysec::sim
