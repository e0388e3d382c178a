#pragma once

#include "sim/RayVersion.h"

#include <QHttpServerRequest>

namespace raysec::sim {

// Ray's defence against requests from a web page (CVE-2025-62593, CVE-2026-27482): from 2.52
// POST and PUT that look like a browser get 405, from 2.54 DELETE too. A request looks like a
// browser when its User-Agent starts with Mozilla or it carries Origin, Referer, Sec-Fetch-* or
// Access-Control-Request-* headers.
class BrowserGuard
{
public:
    explicit BrowserGuard(RayVersion version);

    bool blocks(const QHttpServerRequest& request) const;
    static bool looksLikeBrowser(const QHttpServerRequest& request);

private:
    RayVersion m_version;
};

} // namespace raysec::sim
