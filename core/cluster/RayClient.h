#pragma once

#include "core/cluster/RayCall.h"
#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/store/ClusterProfile.h"

#include <QObject>
#include <QUrlQuery>

#include <memory>

class QNetworkAccessManager;

namespace raysec {

class TlsTrust;

// Reads a Ray dashboard over HTTPS (or plain http to loopback). Every request is a passive GET
// that carries `Authorization: Bearer <token>` when a token is set and a `raysec/<version>`
// User-Agent, and never Origin, Referer or Sec-Fetch-* headers. TLS follows the profile's trust
// (see TlsTrust); redirects are not followed, cookies are neither sent nor stored.
//
// Results arrive on this object's thread as raw bodies: parsing is left to RayParsers (or a
// module's own parser), so that callers can parse off the GUI thread.
class RayClient : public QObject
{
    Q_OBJECT

public:
    using Done = RayCall::Done;

    explicit RayClient(ClusterProfile profile, QObject* parent = nullptr);
    ~RayClient() override;

    const ClusterProfile& profile() const { return m_profile; }

    // Validates the profile and loads its TLS material; needed before the first request.
    // keyPassphrase decrypts the client key when the profile marks it encrypted.
    Result<void> configure(const SecretBuffer* keyPassphrase = nullptr);
    void setToken(SecretBuffer token) { m_token = std::move(token); }
    void setLimits(const RayClientLimits& limits) { m_limits = limits; }
    const RayClientLimits& limits() const { return m_limits; }

    // GET <dashboard URL><path>?<query>. `done` runs once on this thread, unless the call is
    // cancelled or `context` is destroyed first. The returned call may be kept to cancel it;
    // it deletes itself after finishing.
    RayCall* get(const QString& path, const QUrlQuery& query, QObject* context, Done done);

    RayCall* getVersion(QObject* context, Done done);
    RayCall* getAuthenticationMode(QObject* context, Done done);
    RayCall* getClusterStatus(QObject* context, Done done);
    RayCall* getNodes(QObject* context, Done done); // up to the state API's 10,000 rows
    RayCall* getJobs(QObject* context, Done done);
    RayCall* getJob(const QString& jobOrSubmissionId, QObject* context, Done done);
    RayCall* getTaskSummary(QObject* context, Done done);

    // Cancels every call in flight; none of their `done` callbacks runs.
    void cancelAll();

Q_SIGNALS:
    void certificateUntrusted(const QString& subject, const QString& fingerprint,
                              const QString& spkiPin);

private:
    QUrl urlFor(const QString& path, const QUrlQuery& query) const;

    ClusterProfile m_profile;
    QNetworkAccessManager* m_network;
    std::shared_ptr<const TlsTrust> m_trust;
    SecretBuffer m_token;
    RayClientLimits m_limits;
};

} // namespace raysec
