#pragma once

#include "core/common/SecretBuffer.h"
#include "sim/HttpReply.h"

#include <QHttpServerRequest>

#include <optional>

namespace raysec::sim {

// Ray's token check: with a token set, every path except the exempt ones needs
// "Authorization: Bearer <token>", "X-Ray-Authorization: Bearer <token>" or the
// ray-authentication-token cookie. Missing gives 401, wrong gives 403, with Ray's texts. The
// token is held in a SecretBuffer and compared in constant time.
class AuthGate
{
public:
    AuthGate() = default;
    explicit AuthGate(SecretBuffer token);

    bool enabled() const { return !m_token.isEmpty(); }
    static bool isExempt(const QString& path);
    // The refusal to send, or nothing when the request may go on.
    std::optional<HttpReply> check(const QHttpServerRequest& request, const QString& path) const;

    // A header's value by case-insensitive name; null when absent.
    static QByteArray headerValue(const QHttpServerRequest& request, QByteArrayView name);

private:
    static std::optional<QByteArray> presentedToken(const QHttpServerRequest& request);

    SecretBuffer m_token;
};

} // namespace raysec::sim
