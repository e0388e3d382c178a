#pragma once

#include "core/common/Error.h"
#include "core/gatewayclient/PrometheusScrape.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <map>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace raysec {

// What the gateway's admin listener said: its health and one scrape of its metrics.
struct GatewayStatusReport
{
    QUrl admin;
    bool healthy = false;
    QString health; // the answer to /-/healthz, or why there was none
    PrometheusScrape metrics;
    std::map<QString, qint64> bundleVersions;
    double connections = 0;
};

// Asks raysec-gateway's admin listener for /-/healthz and /metrics, asynchronously and with a
// deadline. Only loopback addresses are accepted: the listener is unauthenticated by design, so
// reaching one elsewhere would mean something is exposed that should not be.
class GatewayStatus : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultTimeout{5000};
    static constexpr qint64 maxMetricsBytes = 8 * 1024 * 1024;

    explicit GatewayStatus(QObject* parent = nullptr);
    ~GatewayStatus() override;

    // http://host:port for a loopback "host:port", or why not.
    static Result<QUrl> adminUrl(const QString& hostPort);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Starts a fetch, replacing one in progress; the outcome arrives as fetched() or failed().
    Result<void> fetch(const QString& adminHostPort);
    void cancel();
    bool busy() const;

Q_SIGNALS:
    void fetched(const raysec::GatewayStatusReport& report);
    void failed(const raysec::Error& error);

private:
    QNetworkReply* get(const QString& path);
    void healthFinished(QNetworkReply* reply);
    void metricsFinished(QNetworkReply* reply);
    void timedOut();
    void finishWith(const Error& error);
    void failOne(const Error& error);
    void complete();

    QNetworkAccessManager* m_manager;
    QTimer* m_deadline;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    QPointer<QNetworkReply> m_health;
    QPointer<QNetworkReply> m_metrics;
    GatewayStatusReport m_report;
    QByteArray m_metricsBody;
    bool m_healthDone = false;
    bool m_metricsDone = false;
    std::optional<Error> m_firstError;
};

} // namespace raysec
