#pragma once

#include "core/keys/ApiKeyRecord.h"
#include "core/keys/MinisignKeyPair.h"
#include "support/SimProcess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>

#include <map>
#include <memory>

namespace raysec::test {

// A real raysec-gateway in front of a real raysec-sim (plain HTTP on loopback with token auth,
// as a Ray head), with its own TLS certificate and bundles signed by a fresh console key.
class GatewayFixture
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        std::map<QByteArray, QByteArray> headers; // lower-case names
        QByteArray header(const char* name) const;
    };

    GatewayFixture();
    ~GatewayFixture();

    // Issues API keys into the registry before start(); returns the full key text.
    QByteArray addKey(const QString& id, const QString& team, const QStringList& scopes,
                      const QString& status = QStringLiteral("active"), int expiresInDays = 30);
    // Marks the key issued to owner as revoked in the registry that writeBundles() signs next.
    bool revokeKey(const QString& owner);
    void addUser(const QString& name, const QString& role, const QByteArray& password,
                 bool disabled = false);
    void setQuotaCpuLimit(const QString& team, double cpus);
    void setRateLimit(double rate, double burst);
    // Before start(): the gateway's upstreamTimeoutSeconds, and switches for raysec-sim.
    void setUpstreamTimeout(int seconds) { m_upstreamTimeout = seconds; }
    void setSimArguments(const QStringList& arguments) { m_simArguments = arguments; }
    void setTunnelIdle(int seconds) { m_tunnelIdle = seconds; }
    // Before start(): clients must present a certificate issued by the CA in caFile.
    void requireClientCertificate(const QString& caFile) { m_clientCa = caFile; }
    // Before start(): run on the bundles the console wrote into folder (registry.json,
    // users.json and policy.json with their .minisig, and raysec-registry.pub) instead of
    // the fixture's own; addKey, addUser and setQuotaCpuLimit then have no effect.
    void useConsoleBundles(const QString& folder) { m_consoleBundles = folder; }
    // Copies the console's bundles in again, for a reload().
    bool copyConsoleBundles(QString* error);

    bool start(QString* error);
    bool writeBundles(QString* error);
    bool reload(); // SIGHUP; false when the gateway is not running
    void stopUpstream();
    quint16 upstreamPort() const { return m_sim.port(); }
    // Stops raysec-sim and starts it again on the same port with other switches.
    bool restartUpstream(const QStringList& arguments, QString* error);
    // raysec-sim's request log (one JSON line per request it saw).
    QByteArray upstreamRequestLog() const;

    Reply get(const QString& path, const QByteArray& key = {}, const QByteArray& cookie = {});
    Reply post(const QString& path, const QByteArray& body, const QByteArray& key = {},
               const QByteArray& cookie = {}, const QByteArray& contentType = "application/json",
               const QByteArray& origin = {});

    QString dir(const QString& name) const { return m_dir.filePath(name); }
    QByteArray gatewayLog();
    quint16 adminPort() const { return m_adminPort; }
    quint16 port() const { return m_port; }
    // What the admin listener's /metrics answers, headers included; empty if it cannot connect.
    QByteArray adminMetrics() const;
    QUrl baseUrl() const;
    QUrl urlFor(const QString& path) const;
    // TLS settings that trust exactly the gateway's certificate.
    QSslConfiguration clientTls() const;
    // Sends `bytes` as they are over a fresh TLS connection and returns what the gateway
    // answered until it closed the connection (or `waitMs` passed); `closed` tells which.
    QByteArray rawExchange(const QByteArray& bytes, int waitMs, bool* closed);

private:
    Reply send(QNetworkRequest request, const QByteArray& verb, const QByteArray& body);
    bool writeCertificate(QString* error);
    bool writeConfig();
    bool signFile(const QString& path, QString* error);

    QTemporaryDir m_dir;
    MinisignKeyPair m_signingKey;
    SimProcess m_sim;
    QProcess m_gateway;
    QByteArray m_gatewayStderr;
    QNetworkAccessManager m_network;
    QList<QSslCertificate> m_trusted;
    std::vector<ApiKeyRecord> m_records;
    QByteArray m_users;
    QByteArray m_quotas;
    double m_rate = 1000;
    double m_burst = 1000;
    int m_upstreamTimeout = 5;
    int m_tunnelIdle = 3600;
    QString m_clientCa;
    QString m_consoleBundles;
    QStringList m_simArguments;
    quint16 m_port = 0;
    quint16 m_adminPort = 0;
};

} // namespace raysec::test
