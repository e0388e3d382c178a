#include "gateway/LoginHandler.h"

#include "core/common/SecretBuffer.h"
#include "gateway/RouteTable.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sodium.h>

namespace raysec::gateway {

namespace asio = boost::asio;

namespace {

// A fixed, self-contained page: no scripts, nothing from the cluster, nothing echoed back
// except the escaped notice.
std::string escapeHtml(std::string_view text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

bool verifyPassword(const std::string& phc, const SecretBuffer& password)
{
    return !phc.empty() &&
           crypto_pwhash_str_verify(phc.c_str(), password.data(), password.size()) == 0;
}

// The Argon2id check as a coroutine of its own for the slow-work pool. A plain function with
// by-value parameters rather than a capturing lambda: g++ 12 destroys the captures of a
// coroutine lambda handed to co_spawn twice.
asio::awaitable<bool> verifyOnPool(std::string phc, std::shared_ptr<const SecretBuffer> password)
{
    co_return verifyPassword(phc, *password);
}

// Used when the user does not exist, so that the answer takes as long as a real check.
const std::string& decoyHash()
{
    static const std::string hash = [] {
        char out[crypto_pwhash_STRBYTES];
        const char decoy[] = "raysec-decoy-password";
        if (crypto_pwhash_str(out, decoy, sizeof decoy - 1, 2, 19 * 1024 * 1024) != 0) {
            return std::string();
        }
        return std::string(out);
    }();
    return hash;
}

} // namespace

LoginHandler::LoginHandler(GatewayState& state, asio::thread_pool& slowWork)
    : m_state(state)
    , m_slowWork(slowWork)
{
}

std::string LoginHandler::formField(std::string_view body, std::string_view name)
{
    std::size_t pos = 0;
    while (pos <= body.size()) {
        const std::size_t end = std::min(body.find('&', pos), body.size());
        const std::string_view pair = body.substr(pos, end - pos);
        const std::size_t eq = pair.find('=');
        if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
            std::string plus(pair.substr(eq + 1));
            for (char& c : plus) {
                if (c == '+') {
                    c = ' ';
                }
            }
            std::string decoded;
            return decodePath(plus, decoded) ? decoded : std::string();
        }
        pos = end + 1;
    }
    return {};
}

Response LoginHandler::page(const Request& request, std::string_view notice) const
{
    std::string html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<title>Ray dashboard - sign in</title><style>body{font-family:sans-serif;"
                       "max-width:22em;margin:4em auto}label,input,button{display:block;width:100%;"
                       "margin:.4em 0}p.notice{color:#a00}</style></head><body><h1>Sign in</h1>";
    if (!notice.empty()) {
        html += "<p class=\"notice\" role=\"alert\">" + escapeHtml(notice) + "</p>";
    }
    html += "<form method=\"post\" action=\"/-/raysec/login\">"
            "<label for=\"u\">User name</label><input id=\"u\" name=\"user\" "
            "autocomplete=\"username\" required>"
            "<label for=\"p\">Password</label><input id=\"p\" name=\"password\" "
            "type=\"password\" autocomplete=\"current-password\" required>"
            "<button type=\"submit\">Sign in</button></form></body></html>";
    Response response = textResponse(http::status::ok, "text/html; charset=utf-8", std::move(html),
                                     request.version(), request.keep_alive());
    response.set("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                 "frame-ancestors 'none'");
    response.set("X-Frame-Options", "DENY");
    return response;
}

Task<Response> LoginHandler::login(const Request& request, const std::string& peer)
{
    if (request.method() == http::verb::get) {
        co_return page(request);
    }
    if (request.method() != http::verb::post) {
        co_return jsonError(http::status::method_not_allowed, "method", "Use GET or POST.",
                            request.version(), request.keep_alive());
    }
    const std::string user = formField(request.body(), "user");
    std::string password = formField(request.body(), "password");
    if (const auto wait = m_state.loginThrottle.retryAfter(user, peer); wait > 0) {
        sodium_memzero(password.data(), password.size());
        Response response = page(request, "Too many failed sign-ins. Try again later.");
        response.result(http::status::too_many_requests);
        response.set(http::field::retry_after, std::to_string(wait));
        co_return response;
    }

    const auto bundles = m_state.bundles.load();
    const auto found = bundles->users ? bundles->users->find(user) : std::nullopt;
    const std::string phc = found && !found->disabled ? found->passwordHash : decoyHash();
    auto secret = std::make_shared<SecretBuffer>(SecretBuffer::fromView(password));
    sodium_memzero(password.data(), password.size());
    asio::awaitable<bool> check = verifyOnPool(phc, secret);
    const bool verified = co_await asio::co_spawn(m_slowWork.get_executor(), std::move(check),
                                                  asio::use_awaitable_t<Executor>());
    secret->clear();

    if (!found || found->disabled || !verified) {
        m_state.loginThrottle.recordFailure(user, peer);
        m_state.audit.append(
            {{"type", "login"}, {"user", user}, {"peer", peer}, {"outcome", "refused"}});
        Response response =
            page(request, "The user name or password is wrong, or the account is disabled.");
        response.result(http::status::unauthorized);
        co_return response;
    }
    m_state.loginThrottle.recordSuccess(user, peer);
    m_state.audit.append(
        {{"type", "login"}, {"user", user}, {"peer", peer}, {"outcome", "accepted"}});
    Identity identity;
    identity.kind = Identity::Kind::User;
    identity.id = found->name;
    identity.team = found->team;
    identity.role = found->role;
    const std::string session = m_state.sessions.create(std::move(identity));
    Response response = textResponse(http::status::see_other, "text/plain", "Signed in.\n",
                                     request.version(), request.keep_alive());
    response.set(http::field::location, "/");
    response.set(http::field::set_cookie, m_state.sessions.setCookieHeader(session));
    co_return response;
}

Response LoginHandler::logout(const Request& request)
{
    if (auto id = SessionStore::idFromCookie(request[http::field::cookie])) {
        m_state.sessions.remove(*id);
    }
    Response response = page(request, "You are signed out.");
    response.set(http::field::set_cookie, SessionStore::clearCookieHeader());
    return response;
}

} // namespace raysec::gateway
