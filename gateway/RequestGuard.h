#pragma once

#include "gateway/GatewayState.h"
#include "gateway/HttpTypes.h"
#include "gateway/RouteTable.h"

#include <optional>

namespace raysec::gateway {

// The gateway's decision for one request: answer it here, forward it, tunnel it (WebSocket)
// or handle a login. Pure logic over GatewayState, so it is tested without sockets.
struct Decision
{
    enum class Action
    {
        Respond,
        Forward,
        Tunnel,
        Login,
        Logout
    };
    Action action = Action::Respond;
    Response response;
    Route route;
    std::optional<Identity> identity;
    std::string responseFields; // header lines added to the forwarded answer (rate limits)
    std::string reason;         // short machine-readable cause, for metrics and the audit log
};

class RequestGuard
{
public:
    explicit RequestGuard(GatewayState& state);

    // May rewrite the request body (job submissions are stamped with the submitter).
    Decision evaluate(Request& request, const std::string& peerAddress);

private:
    Decision refuse(const Request& request, http::status status, std::string_view reason,
                    std::string_view message, const HeaderList& extra = {}) const;
    std::optional<Decision> authenticate(const Request& request, Decision& decision,
                                         const Bundles& bundles);
    std::optional<Decision> authorize(const Request& request, Decision& decision);
    std::optional<Decision> rateLimit(const Request& request, Decision& decision);
    std::optional<Decision> checkOrigin(const Request& request, const Decision& decision) const;
    std::optional<Decision> admitSubmission(Request& request, Decision& decision,
                                            const Bundles& bundles);

    GatewayState& m_state;
};

} // namespace raysec::gateway
