#pragma once

#include "sim/ApiRequest.h"
#include "sim/HttpReply.h"
#include "sim/RayVersion.h"

#include <optional>

namespace raysec::sim {

// The small endpoints of the head: /api/version, /api/authentication_mode, the health checks
// and the index page.
class MetaApi
{
public:
    MetaApi(RayVersion version, bool tokenAuth, std::int64_t startedMs);

    std::optional<HttpReply> handle(const ApiRequest& request) const;

private:
    HttpReply version() const;
    HttpReply authenticationMode() const;
    static HttpReply indexPage();

    RayVersion m_version;
    bool m_tokenAuth;
    std::string m_sessionName;
};

} // namespace raysec::sim
