#pragma once

#include "gateway/GatewayState.h"
#include "gateway/HttpTypes.h"
#include "gateway/Io.h"

#include <boost/asio/thread_pool.hpp>

namespace raysec::gateway {

// The gateway's own login page, login and logout. Password checks (Argon2id, deliberately
// slow) run on a separate thread pool so that they never stall other connections.
class LoginHandler
{
public:
    LoginHandler(GatewayState& state, boost::asio::thread_pool& slowWork);

    Task<Response> login(const Request& request, const std::string& peer);
    Response logout(const Request& request);
    Response page(const Request& request, std::string_view notice = {}) const;

    // application/x-www-form-urlencoded decoding of one field; empty when absent.
    static std::string formField(std::string_view body, std::string_view name);

private:
    GatewayState& m_state;
    boost::asio::thread_pool& m_slowWork;
};

} // namespace raysec::gateway
