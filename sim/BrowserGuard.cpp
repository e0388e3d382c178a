#include "sim/BrowserGuard.h"

namespace raysec::sim {

BrowserGuard::BrowserGuard(RayVersion version)
    : m_version(version)
{
}

bool BrowserGuard::blocks(const QHttpServerRequest& request) const
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const bool guarded =
        m_version.hasBrowserGuard() && (method == Method::Post || method == Method::Put ||
                                        (method == Method::Delete && m_version.guardsDelete()));
    return guarded && looksLikeBrowser(request);
}

bool BrowserGuard::looksLikeBrowser(const QHttpServerRequest& request)
{
    for (const auto& [name, value] : request.headers()) {
        const QByteArray lower = name.toLower();
        if (lower == "user-agent" && value.startsWith("Mozilla")) {
            return true;
        }
        if (lower == "origin" || lower == "referer" || lower.startsWith("sec-fetch-") ||
            lower.startsWith("access-control-request-")) {
            return true;
        }
    }
    return false;
}

} // namespace raysec::sim
