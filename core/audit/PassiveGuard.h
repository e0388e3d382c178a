#pragma once

#include "core/audit/ProbeTransport.h"

#include <atomic>

namespace raysec {

// Wraps the transport every probe uses and keeps the audit passive: only GET and HEAD reach the
// network, TCP connects go only to the profile's own host, and the number of requests is
// bounded. Refusals come back as exchanges with an error, never as traffic.
class PassiveGuard : public ProbeTransport
{
public:
    PassiveGuard(ProbeTransport& inner, int maxRequests = 200);

    QUrl baseUrl() const override { return m_inner.baseUrl(); }
    HttpExchange fetch(const QByteArray& method, const QString& path,
                       bool withCredentials) override;
    bool tcpConnect(const QString& host, quint16 port, int timeoutMs) override;
    TlsSnapshot inspectTls() override { return m_inner.inspectTls(); }

    int refusals() const { return m_refusals; }

private:
    ProbeTransport& m_inner;
    int m_maxRequests;
    std::atomic<int> m_requests = 0;
    std::atomic<int> m_refusals = 0;
};

} // namespace raysec
