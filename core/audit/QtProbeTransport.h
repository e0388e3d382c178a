#pragma once

#include "core/audit/ProbeTransport.h"
#include "core/common/SecretBuffer.h"
#include "core/store/ClusterProfile.h"

#include <atomic>
#include <memory>

class QNetworkAccessManager;

namespace raysec {
class TlsTrust;
}

namespace raysec {

// The probes' transport over QtNetwork for one cluster profile: TLS 1.2 or later with the
// profile's trust as TlsTrust decides it (system CAs, a CA bundle or a pinned key, plus the
// client certificate), no redirects, a 1 MiB answer cap,
// a timeout per request, and the profile's Ray token only on requests that ask for it.
// Must be created and used on one thread (the audit's worker thread).
class QtProbeTransport : public ProbeTransport
{
public:
    QtProbeTransport(ClusterProfile profile, std::shared_ptr<const SecretBuffer> token,
                     const std::atomic<bool>& cancelled, int timeoutMs = 10000);
    ~QtProbeTransport() override;

    QUrl baseUrl() const override { return m_profile.dashboardUrl; }
    HttpExchange fetch(const QByteArray& method, const QString& path,
                       bool withCredentials) override;
    bool tcpConnect(const QString& host, quint16 port, int timeoutMs) override;
    TlsSnapshot inspectTls() override;

    static constexpr qint64 maxBodyBytes = 1024 * 1024;

private:
    ClusterProfile m_profile;
    std::shared_ptr<const SecretBuffer> m_token;
    const std::atomic<bool>& m_cancelled;
    int m_timeoutMs;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust; // the cluster module's trust decisions for this profile
    QString m_trustError;
};

} // namespace raysec
