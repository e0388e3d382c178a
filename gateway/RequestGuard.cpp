#include "gateway/RequestGuard.h"

#include "core/ratelimit/RateLimitHeaders.h"

#include <chrono>

namespace raysec::gateway {

namespace {

std::string_view bearerCredential(const Request& request)
{
    for (auto field : {request[http::field::authorization], request["X-Ray-Authorization"]}) {
        if (field.size() > 7 &&
            (field.substr(0, 7) == "Bearer " || field.substr(0, 7) == "bearer ")) {
            return field.substr(7);
        }
    }
    return {};
}

std::string_view keyMessage(KeyRejection rejection)
{
    switch (rejection) {
    case KeyRejection::Malformed:
        return "The API key is malformed or mistyped; copy it again from where it was issued.";
    case KeyRejection::Unknown:
        return "The API key is not in the gateway's registry; ask the cluster admin for a key.";
    case KeyRejection::WrongSecret:
        return "The API key's secret does not match; copy the whole key again.";
    case KeyRejection::Revoked:
        return "The API key was revoked; ask the cluster admin for a new one.";
    case KeyRejection::Expired:
        return "The API key has expired; ask the cluster admin to rotate it.";
    case KeyRejection::NotYetValid:
        return "The API key is not valid yet; check its start date.";
    }
    return "The API key was not accepted.";
}

std::string_view rejectionCode(KeyRejection rejection)
{
    switch (rejection) {
    case KeyRejection::Malformed:
        return "key-malformed";
    case KeyRejection::Unknown:
        return "key-unknown";
    case KeyRejection::WrongSecret:
        return "key-wrong-secret";
    case KeyRejection::Revoked:
        return "key-revoked";
    case KeyRejection::Expired:
        return "key-expired";
    case KeyRejection::NotYetValid:
        return "key-not-yet-valid";
    }
    return "key-refused";
}

bool isWrite(const Request& request)
{
    const auto verb = request.method();
    return verb != http::verb::get && verb != http::verb::head && verb != http::verb::options;
}

} // namespace

RequestGuard::RequestGuard(GatewayState& state)
    : m_state(state)
{
}

Decision RequestGuard::refuse(const Request& request, http::status status, std::string_view reason,
                              std::string_view message, const HeaderList& extra) const
{
    Decision decision;
    decision.action = Decision::Action::Respond;
    decision.reason = std::string(reason);
    decision.response =
        jsonError(status, reason, message, request.version(), request.keep_alive(), extra);
    return decision;
}

namespace {

// A refusal keeps what was learnt before it (the route, and the key or user once known), so
// that metrics and the audit line count it against the right route and key.
Decision attributed(Decision refusal, const Decision& context)
{
    refusal.route = context.route;
    if (!refusal.identity) {
        refusal.identity = context.identity;
    }
    return refusal;
}

} // namespace

Decision RequestGuard::evaluate(Request& request, const std::string& peerAddress)
{
    const std::string_view target = request.target();
    const std::string_view path = target.substr(0, target.find_first_of("?#"));
    Decision decision;
    decision.route = classifyRoute(request.method_string(), path);

    if (decision.route.routeClass == RouteClass::Closed) {
        return attributed(
            refuse(request, http::status::not_found, "route-closed",
                   "This route is closed by the gateway because it is unsafe to expose."),
            decision);
    }
    const ratelimit::RateDecision byAddress = m_state.rateLimiter.checkAddress(peerAddress);
    if (!byAddress.allowed || byAddress.shadowRefused) {
        m_state.metrics.recordRateLimited(byAddress.policyName, byAddress.shadowRefused);
    }
    if (!byAddress.allowed) {
        return attributed(
            refuse(request, http::status::too_many_requests, "rate-limited-address",
                   "Too many requests from this address; wait for Retry-After seconds.",
                   ratelimit::rateLimitHeaders(byAddress)),
            decision);
    }
    if (decision.route.routeClass == RouteClass::Health) {
        decision.action = Decision::Action::Forward;
        return decision;
    }
    if (decision.route.routeClass == RouteClass::Login) {
        decision.action =
            path == "/-/raysec/logout" ? Decision::Action::Logout : Decision::Action::Login;
        return decision;
    }

    const std::shared_ptr<const Bundles> bundles = m_state.bundles.load();
    if (auto refused = authenticate(request, decision, *bundles)) {
        return attributed(std::move(*refused), decision);
    }
    if (auto refused = authorize(request, decision)) {
        return attributed(std::move(*refused), decision);
    }
    if (auto refused = rateLimit(request, decision)) {
        return attributed(std::move(*refused), decision);
    }
    if (auto refused = checkOrigin(request, decision)) {
        return attributed(std::move(*refused), decision);
    }
    if (decision.route.routeClass == RouteClass::JobsSubmit) {
        if (auto refused = admitSubmission(request, decision, *bundles)) {
            return attributed(std::move(*refused), decision);
        }
    }
    decision.action =
        decision.route.webSocket ? Decision::Action::Tunnel : Decision::Action::Forward;
    decision.reason = "allowed";
    return decision;
}

std::optional<Decision> RequestGuard::authenticate(const Request& request, Decision& decision,
                                                   const Bundles& bundles)
{
    const std::string_view credential = bearerCredential(request);
    if (!credential.empty()) {
        if (!bundles.keys) {
            return refuse(request, http::status::service_unavailable, "no-key-registry",
                          "The gateway has no valid key registry loaded; the admin must publish "
                          "a signed one.");
        }
        auto outcome = bundles.keys->authenticate(credential, std::chrono::system_clock::now());
        if (!outcome.identity) {
            return refuse(request, http::status::unauthorized, rejectionCode(outcome.rejection),
                          keyMessage(outcome.rejection),
                          {{"WWW-Authenticate", "Bearer realm=\"raysec\""}});
        }
        decision.identity = std::move(outcome.identity);
        return std::nullopt;
    }
    if (auto id = SessionStore::idFromCookie(request[http::field::cookie])) {
        if (auto identity = m_state.sessions.find(*id)) {
            decision.identity = std::move(identity);
            return std::nullopt;
        }
    }
    if (decision.route.routeClass == RouteClass::Ui && request.method() == http::verb::get) {
        Decision redirect;
        redirect.reason = "login-required";
        redirect.response = textResponse(http::status::see_other, "text/plain", "Log in first.\n",
                                         request.version(), request.keep_alive());
        redirect.response.set(http::field::location, "/-/raysec/login");
        return redirect;
    }
    return refuse(request, http::status::unauthorized, "credentials-missing",
                  "Send an API key as 'Authorization: Bearer rsk_...' or log in at "
                  "/-/raysec/login.",
                  {{"WWW-Authenticate", "Bearer realm=\"raysec\""}});
}

std::optional<Decision> RequestGuard::authorize(const Request& request, Decision& decision)
{
    const Identity& who = *decision.identity;
    const RouteClass routeClass = decision.route.routeClass;
    bool allowed = false;
    std::string needed;
    if (who.kind == Identity::Kind::ApiKey) {
        needed = std::string(requiredScope(routeClass));
        allowed = !needed.empty() && who.hasScope(needed);
    } else {
        needed = std::string(requiredRole(routeClass));
        allowed = roleAllows(who.role, routeClass);
    }
    if (allowed) {
        return std::nullopt;
    }
    const std::string message =
        (who.kind == Identity::Kind::ApiKey ? "This API key lacks the scope '"
                                            : "Your role does not allow this; it needs '") +
        needed + "'.";
    return refuse(request, http::status::forbidden, "forbidden", message);
}

std::optional<Decision> RequestGuard::rateLimit(const Request& request, Decision& decision)
{
    const Identity& who = *decision.identity;
    const ratelimit::RateDecision result =
        m_state.rateLimiter.checkKey(who.id, who.tier, rateClass(decision.route.routeClass));
    if (!result.allowed || result.shadowRefused) {
        m_state.metrics.recordRateLimited(result.policyName, result.shadowRefused);
    }
    if (!result.allowed) {
        return refuse(request, http::status::too_many_requests, "rate-limited",
                      "Rate limit reached for this key; wait for Retry-After seconds.",
                      ratelimit::rateLimitHeaders(result));
    }
    ratelimit::appendRateLimitFields(result, decision.responseFields);
    return std::nullopt;
}

std::optional<Decision> RequestGuard::checkOrigin(const Request& request,
                                                  const Decision& decision) const
{
    // Cookie sessions come from browsers: a write must carry our own origin, which is what
    // Ray's browser guard would otherwise refuse outright. API-key clients are not browsers.
    if (decision.identity->kind != Identity::Kind::User || !isWrite(request)) {
        return std::nullopt;
    }
    const std::string expected = "https://" + std::string(request[http::field::host]);
    if (request[http::field::origin] == expected) {
        return std::nullopt;
    }
    return refuse(request, http::status::forbidden, "cross-origin",
                  "A write from a browser must come from the gateway's own pages.");
}

std::optional<Decision> RequestGuard::admitSubmission(Request& request, Decision& decision,
                                                      const Bundles& bundles)
{
    if (!bundles.submissions) {
        return refuse(request, http::status::service_unavailable, "no-policy",
                      "The gateway has no valid job-submission policy loaded; the admin must "
                      "publish a signed one.");
    }
    const auto checked = bundles.submissions->check(request.body(), *decision.identity);
    if (!checked.accepted) {
        return refuse(request, http::status::unprocessable_entity, "submission-refused",
                      checked.reason);
    }
    if (bundles.quotas) {
        const auto quota = bundles.quotas->admit(*decision.identity, checked.body);
        if (!quota.admitted) {
            return refuse(request, http::status::forbidden, "quota-exceeded", quota.reason);
        }
    }
    request.body() = checked.body;
    request.prepare_payload();
    return std::nullopt;
}

} // namespace raysec::gateway
