#include "core/audit/PassiveGuard.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PassiveGuard)
};

} // namespace

QByteArray HttpExchange::header(const QByteArray& lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName) {
            return value;
        }
    }
    return {};
}

bool HttpExchange::hasHeaderPrefix(const QByteArray& lowerPrefix) const
{
    for (const auto& entry : headers) {
        if (entry.first.startsWith(lowerPrefix)) {
            return true;
        }
    }
    return false;
}

PassiveGuard::PassiveGuard(ProbeTransport& inner, int maxRequests)
    : m_inner(inner)
    , m_maxRequests(maxRequests)
{
}

HttpExchange PassiveGuard::fetch(const QByteArray& method, const QString& path,
                                 bool withCredentials)
{
    HttpExchange refused;
    if (method != "GET" && method != "HEAD") {
        ++m_refusals;
        refused.error =
            Text::tr("Refused to send %1: the audit only reads.").arg(QString::fromLatin1(method));
        return refused;
    }
    if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1String("://"))) {
        ++m_refusals;
        refused.error = Text::tr("Refused a request outside the dashboard: %1").arg(path);
        return refused;
    }
    if (++m_requests > m_maxRequests) {
        ++m_refusals;
        refused.error =
            Text::tr("Refused: the audit's request budget of %1 is spent.").arg(m_maxRequests);
        return refused;
    }
    return m_inner.fetch(method, path, withCredentials);
}

bool PassiveGuard::tcpConnect(const QString& host, quint16 port, int timeoutMs)
{
    if (host.compare(m_inner.baseUrl().host(), Qt::CaseInsensitive) != 0) {
        ++m_refusals;
        return false;
    }
    return m_inner.tcpConnect(host, port, qBound(100, timeoutMs, 5000));
}

} // namespace raysec
