#include "core/gatewayclient/GatewayStatus.h"

#include "core/gatewayclient/GatewayConfig.h"
#include "core/gatewayclient/GatewayMetrics.h"
#include "core/gatewayclient/PrometheusParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>

namespace raysec {

namespace {

Q_LOGGING_CATEGORY(lcGatewayStatus, "raysec.core.gatewayclient.status")

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayStatus)
};

constexpr qint64 maxHealthBytes = 4096;

Error unreachable(const QUrl& admin, const QString& why)
{
    return Error{
        QStringLiteral("gateway.unreachable"),
        Text::tr("The gateway's admin listener at %1 did not answer: %2.")
            .arg(admin.toString(), why),
        Text::tr("Check that raysec-gateway runs and that the address matches \"admin\" in "
                 "its gateway.json.")};
}

} // namespace

GatewayStatus::GatewayStatus(QObject* parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_deadline(new QTimer(this))
{
    // The admin listener is on loopback; a configured proxy must never see this traffic.
    m_manager->setProxy(QNetworkProxy::NoProxy);
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &GatewayStatus::timedOut);
}

GatewayStatus::~GatewayStatus()
{
    cancel();
}

Result<QUrl> GatewayStatus::adminUrl(const QString& hostPort)
{
    const QString trimmed = hostPort.trimmed();
    if (!isLoopbackHostPort(trimmed)) {
        return fail(QStringLiteral("gateway.admin-not-loopback"),
                    Text::tr("\"%1\" is not a loopback address and port.").arg(trimmed),
                    Text::tr("Enter the gateway's admin address, such as 127.0.0.1:9464; the admin "
                             "listener only ever listens on loopback."));
    }
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    QString host = trimmed.left(colon);
    if (host.startsWith(QLatin1Char('['))) {
        host = host.mid(1, host.size() - 2);
    }
    url.setHost(host);
    url.setPort(trimmed.mid(colon + 1).toInt());
    return url;
}

Result<void> GatewayStatus::fetch(const QString& adminHostPort)
{
    auto url = adminUrl(adminHostPort);
    if (!url) {
        return std::unexpected(url.error());
    }
    cancel();
    m_report = GatewayStatusReport{};
    m_report.admin = *url;
    m_metricsBody.clear();
    m_healthDone = false;
    m_metricsDone = false;
    m_firstError.reset();

    m_health = get(QStringLiteral("/-/healthz"));
    m_metrics = get(QStringLiteral("/metrics"));
    QNetworkReply* health = m_health;
    QNetworkReply* metrics = m_metrics;
    connect(health, &QNetworkReply::finished, this, [this, health] { healthFinished(health); });
    connect(metrics, &QNetworkReply::finished, this, [this, metrics] { metricsFinished(metrics); });
    connect(metrics, &QNetworkReply::downloadProgress, this, [metrics](qint64 received, qint64) {
        if (received > maxMetricsBytes) {
            metrics->setProperty("raysecTooLarge", true);
            metrics->abort();
        }
    });
    m_deadline->start(m_timeout);
    return {};
}

QNetworkReply* GatewayStatus::get(const QString& path)
{
    QUrl url = m_report.admin;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    return m_manager->get(request);
}

void GatewayStatus::cancel()
{
    m_deadline->stop();
    for (QPointer<QNetworkReply>* reply : {&m_health, &m_metrics}) {
        if (*reply) {
            QNetworkReply* pending = *reply;
            *reply = nullptr;
            pending->disconnect(this);
            pending->abort();
            pending->deleteLater();
        }
    }
}

bool GatewayStatus::busy() const
{
    return m_health || m_metrics;
}

void GatewayStatus::healthFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_health = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        failOne(unreachable(m_report.admin, reply->errorString()));
        return;
    }
    const QByteArray body = reply->read(maxHealthBytes).trimmed();
    m_report.healthy = status == 200;
    m_report.health = m_report.healthy ? QString::fromUtf8(body)
                                       : Text::tr("HTTP %1 from /-/healthz").arg(status);
    m_healthDone = true;
    complete();
}

void GatewayStatus::metricsFinished(QNetworkReply* reply)
{
    reply->deleteLater();
    m_metrics = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->property("raysecTooLarge").toBool()) {
        failOne(Error{QStringLiteral("prometheus.too-large"),
                      Text::tr("The metrics answer is larger than %1 bytes.").arg(maxMetricsBytes),
                      Text::tr("Check that the address is the gateway's admin listener.")});
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status == 0) {
        failOne(unreachable(m_report.admin, reply->errorString()));
        return;
    }
    if (status != 200) {
        failOne(Error{QStringLiteral("gateway.metrics-http"),
                      Text::tr("The gateway answered HTTP %1 for /metrics.").arg(status),
                      Text::tr("Check that the address is the gateway's admin listener.")});
        return;
    }
    auto scrape = PrometheusParser::parse(reply->readAll(), maxMetricsBytes);
    if (!scrape) {
        failOne(scrape.error());
        return;
    }
    m_report.bundleVersions = GatewayMetrics::bundleVersions(*scrape);
    m_report.connections =
        scrape->value(QStringLiteral("raysec_gateway_connections")).value_or(0.0);
    m_report.metrics = std::move(*scrape);
    m_metricsDone = true;
    complete();
}

void GatewayStatus::timedOut()
{
    const auto seconds = double(m_timeout.count()) / 1000.0;
    finishWith(unreachable(m_report.admin, Text::tr("no answer within %1 s").arg(seconds)));
}

void GatewayStatus::finishWith(const Error& error)
{
    cancel();
    qCInfo(lcGatewayStatus) << "gateway status failed:" << error.code;
    Q_EMIT failed(error);
}

// A failed reply waits for the other one rather than aborting it: a refused connection fails
// both at once, and aborting a reply whose failure is already queued makes Qt report it twice.
void GatewayStatus::failOne(const Error& error)
{
    if (!m_firstError) {
        m_firstError = error;
    }
    if (!m_health && !m_metrics) {
        const Error first = *m_firstError;
        m_firstError.reset();
        finishWith(first);
    }
}

void GatewayStatus::complete()
{
    if (m_firstError) {
        failOne(*m_firstError);
        return;
    }
    if (m_healthDone && m_metricsDone) {
        m_deadline->stop();
        Q_EMIT fetched(m_report);
    }
}

} // namespace raysec
