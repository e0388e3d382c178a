#pragma once

#include "core/audit/AdvisoryDatabase.h"
#include "core/audit/AuditRun.h"
#include "core/audit/ProbeTransport.h"
#include "core/validation/JobPolicy.h"

#include <QDateTime>
#include <QHash>

#include <optional>

namespace raysec {

// One Ray port the audit checks for reachability.
struct PortSpec
{
    quint16 port = 0;
    QString name;
};

// Inputs of one audit besides the transport: the data, the policy and the overrides tests use.
struct ProbeSettings
{
    QString profile;
    // Quota policies in the store, counted on the caller's thread (a store connection must not
    // cross threads); none means the quota module has no table here.
    std::optional<qint64> quotaPolicies;
    JobPolicy jobPolicy = JobPolicy::defaults();
    std::optional<QList<PortSpec>> ports; // replaces the check data's port list
    QDateTime now = QDateTime::currentDateTimeUtc();
};

enum class TokenAuthState
{
    Unknown,
    Token,
    Disabled,
    NotSupported
};

// Shared state of one audit run: the guarded transport, the advisory database and facts more
// than one probe needs (Ray version, auth mode, TLS session, job list), each fetched once.
class ProbeContext
{
public:
    ProbeContext(ProbeTransport& transport, const AdvisoryDatabase& advisories,
                 ProbeSettings settings);

    ProbeTransport& transport() { return m_transport; }
    const AdvisoryDatabase& advisories() const { return m_advisories; }
    const ProbeSettings& settings() const { return m_settings; }

    // A GET remembered for the rest of the run, and the evidence it gives.
    const HttpExchange& get(const QString& path, bool withCredentials);
    Evidence evidence(const QString& path, bool withCredentials);
    static Evidence evidenceOf(const QByteArray& method, const QString& path,
                               const HttpExchange& exchange);

    std::optional<RayVersion> rayVersion();
    QString rayVersionText();
    TokenAuthState tokenAuth();
    const TlsSnapshot& tls();

private:
    ProbeTransport& m_transport;
    const AdvisoryDatabase& m_advisories;
    ProbeSettings m_settings;
    QHash<QString, HttpExchange> m_cache;
    std::optional<TlsSnapshot> m_tls;
};

} // namespace raysec
