#include "core/gatewayclient/GatewayConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QRegularExpression>
#include <QStringList>

#include <set>

namespace raysec {

namespace {

using json = nlohmann::json;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayConfig)
};

std::unexpected<Error> badField(const QString& field, const QString& why)
{
    return fail(
        QStringLiteral("gateway.config-field"), Text::tr("%1: %2.").arg(field, why),
        Text::tr("Correct the field and write the configuration again; nothing was written."));
}

std::optional<QHostAddress> hostOf(const QString& hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return std::nullopt;
    }
    QString host = hostPort.left(colon);
    if (host.size() > 2 && host.front() == QLatin1Char('[') && host.back() == QLatin1Char(']')) {
        host = host.mid(1, host.size() - 2);
    }
    bool numeric = false;
    const int port = hostPort.mid(colon + 1).toInt(&numeric);
    const QHostAddress address(host);
    if (!numeric || port < 1 || port > 65535 || address.isNull()) {
        return std::nullopt;
    }
    return address;
}

Result<void> checkEndpoints(const GatewayConfig& c)
{
    const auto listen = hostOf(c.listen);
    if (!listen) {
        return badField(QStringLiteral("listen"),
                        Text::tr("must be a numeric address and port such as 0.0.0.0:8443"));
    }
    if (!isLoopbackHostPort(c.upstream)) {
        return badField(QStringLiteral("upstream"),
                        Text::tr("must be the Ray dashboard on loopback, such as 127.0.0.1:8265"));
    }
    if (!isLoopbackHostPort(c.admin)) {
        return badField(
            QStringLiteral("admin"),
            Text::tr("must be a loopback address such as 127.0.0.1:9464: it serves metrics "
                     "without authentication"));
    }
    if (c.plainHttp && !listen->isLoopback()) {
        return badField(
            QStringLiteral("plainHttp"),
            Text::tr("is only allowed on a loopback listen address; give a certificate and "
                     "key instead"));
    }
    return {};
}

Result<void> checkPath(const QString& field, const QString& path, bool required)
{
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    if (path.isEmpty()) {
        return required ? badField(field, Text::tr("is required")) : Result<void>{};
    }
    if (!QDir::isAbsolutePath(path) || path.contains(control) || path.endsWith(QLatin1Char('/'))) {
        return badField(field, Text::tr("must be an absolute file path, got \"%1\"").arg(path));
    }
    return {};
}

Result<void> checkFiles(const GatewayConfig& c)
{
    const bool tls = !c.plainHttp;
    const std::tuple<QString, const QString*, bool> files[] = {
        {QStringLiteral("certificate"), &c.certificate, tls},
        {QStringLiteral("key"), &c.key, tls},
        {QStringLiteral("clientCa"), &c.clientCa, c.requireClientCertificate},
        {QStringLiteral("upstreamTokenFile"), &c.upstreamTokenFile, false},
        {QStringLiteral("publicKey"), &c.publicKey, true},
        {QStringLiteral("keyRegistry"), &c.keyRegistry, true},
        {QStringLiteral("userStore"), &c.userStore, false},
        {QStringLiteral("policy"), &c.policy, false},
        {QStringLiteral("auditLog"), &c.auditLog, true}};
    for (const auto& [field, path, required] : files) {
        if (auto ok = checkPath(field, *path, required); !ok) {
            return ok;
        }
    }
    if (tls && c.certificate == c.key) {
        return badField(QStringLiteral("key"),
                        Text::tr("must be a different file from certificate"));
    }
    return {};
}

Result<void> checkNumbers(const GatewayConfig& c)
{
    for (const auto& [field, value] :
         {std::pair{QStringLiteral("clientTimeoutSeconds"), c.clientTimeoutSeconds},
          std::pair{QStringLiteral("tunnelIdleSeconds"), c.tunnelIdleSeconds},
          std::pair{QStringLiteral("upstreamTimeoutSeconds"), c.upstreamTimeoutSeconds},
          std::pair{QStringLiteral("sessionIdleSeconds"), c.sessionIdleSeconds},
          std::pair{QStringLiteral("sessionAbsoluteSeconds"), c.sessionAbsoluteSeconds},
          std::pair{QStringLiteral("usageRefreshSeconds"), c.usageRefreshSeconds}}) {
        if (value < 1 || value > 7 * 24 * 3600) {
            return badField(field, Text::tr("must be between 1 second and 7 days"));
        }
    }
    if (c.threads < 0 || c.threads > 256) {
        return badField(QStringLiteral("threads"),
                        Text::tr("must be between 0 (one per core) and 256"));
    }
    if (c.maxBodyBytes < 0 || c.maxBodyBytes > 64 * 1024 * 1024) {
        return badField(QStringLiteral("maxBodyBytes"), Text::tr("must be between 0 and 64 MiB"));
    }
    if (c.maxHeaderBytes < 1024 || c.maxHeaderBytes > 1024 * 1024) {
        return badField(QStringLiteral("maxHeaderBytes"),
                        Text::tr("must be between 1 KiB and 1 MiB"));
    }
    return {};
}

Result<void> checkBucket(const QString& field, const GatewayBucket& bucket)
{
    if (!(bucket.rate > 0 && bucket.rate <= 1e6) || !(bucket.burst >= 1 && bucket.burst <= 1e7)) {
        return badField(field,
                        Text::tr("rate must be above 0 and at most 1000000 per second, burst "
                                 "between 1 and 10000000"));
    }
    return {};
}

Result<void> checkRateLimits(const GatewayRateLimits& limits)
{
    static const std::set<QString> classes = {QStringLiteral("*"),      QStringLiteral("read"),
                                              QStringLiteral("submit"), QStringLiteral("stop"),
                                              QStringLiteral("logs"),   QStringLiteral("admin")};
    static const QRegularExpression tierName(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (auto ok = checkBucket(QStringLiteral("rateLimits.perAddress"), limits.perAddress); !ok) {
        return ok;
    }
    for (const auto& [tier, buckets] : limits.tiers) {
        if (!tierName.match(tier).hasMatch()) {
            return badField(
                QStringLiteral("rateLimits.tiers"),
                Text::tr("tier names use letters, digits, '.', '_' and '-', got \"%1\"").arg(tier));
        }
        for (const auto& [routeClass, bucket] : buckets) {
            const QString field = QStringLiteral("rateLimits.tiers.%1.%2").arg(tier, routeClass);
            if (!classes.contains(routeClass)) {
                return badField(field,
                                Text::tr("the route class must be *, read, submit, stop, logs "
                                         "or admin"));
            }
            if (auto ok = checkBucket(field, bucket); !ok) {
                return ok;
            }
        }
    }
    return {};
}

} // namespace

bool isLoopbackHostPort(const QString& hostPort)
{
    const auto address = hostOf(hostPort);
    return address && address->isLoopback();
}

GatewayRateLimits GatewayConfig::defaultRateLimits()
{
    GatewayRateLimits limits;
    limits.tiers[QStringLiteral("default")] = {{QStringLiteral("*"), {10, 20}},
                                               {QStringLiteral("submit"), {0.2, 3}}};
    limits.tiers[QStringLiteral("service")] = {{QStringLiteral("*"), {100, 200}},
                                               {QStringLiteral("submit"), {1, 10}}};
    return limits;
}

Result<GatewayBucket> GatewayConfig::parseBucket(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool rateOk = false;
    bool burstOk = false;
    const GatewayBucket bucket{parts.value(0).toDouble(&rateOk), parts.value(1).toDouble(&burstOk)};
    if (parts.size() != 2 || !rateOk || !burstOk) {
        return fail(QStringLiteral("gateway.config-bucket"),
                    Text::tr("\"%1\" is not a rate and burst.").arg(text),
                    Text::tr("Write requests per second and burst as RATE/BURST, such as 0.2/3."));
    }
    return bucket;
}

Result<void> GatewayConfig::setTier(const QString& spec)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const qsizetype equals = spec.indexOf(QLatin1Char('='));
    if (colon <= 0 || equals <= colon + 1) {
        return fail(QStringLiteral("gateway.config-bucket"),
                    Text::tr("\"%1\" is not a tier setting.").arg(spec),
                    Text::tr("Write TIER:CLASS=RATE/BURST, such as default:submit=0.2/3."));
    }
    auto bucket = parseBucket(spec.mid(equals + 1));
    if (!bucket) {
        return std::unexpected(bucket.error());
    }
    rateLimits.tiers[spec.left(colon)][spec.mid(colon + 1, equals - colon - 1)] = *bucket;
    return {};
}

Result<void> GatewayConfig::validated() const
{
    if (auto ok = checkEndpoints(*this); !ok) {
        return ok;
    }
    if (auto ok = checkFiles(*this); !ok) {
        return ok;
    }
    if (auto ok = checkNumbers(*this); !ok) {
        return ok;
    }
    return checkRateLimits(rateLimits);
}

} // namespace raysec
