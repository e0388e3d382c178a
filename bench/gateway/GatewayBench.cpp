// Throughput and latency of raysec-gateway against nginx proxying the same upstream.
//
// Both proxies terminate TLS and forward to the same fast upstream (a separate nginx serving a
// canned /api/version answer on loopback), so the difference is the proxy itself. The gateway runs
// with a signed registry of 100,000 keys, rate limits (set high enough never to refuse) and
// its audit log; nginx runs with no checks at all. wrk drives both on this machine, so the
// figures include wrk's own share of the two cores.

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/ApiKeyRecord.h"
#include "core/keys/MinisignKeyPair.h"
#include "core/keys/MinisignSigner.h"
#include "core/keys/RegistryBundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace raysec;

namespace {

struct Run
{
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    long non2xx = 0;
};

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() &&
           file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

double toMs(const QString& value, const QString& unit)
{
    const double v = value.toDouble();
    return unit == QLatin1String("us") ? v / 1000 : unit == QLatin1String("s") ? v * 1000 : v;
}

Run parseWrk(const QString& text)
{
    Run run;
    const auto rps = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(text);
    run.requestsPerSecond = rps.captured(1).toDouble();
    const QRegularExpression percentile(QStringLiteral("\\s(50|99)%\\s+([0-9.]+)(us|ms|s)"));
    for (auto it = percentile.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        (m.captured(1) == QLatin1String("50") ? run.p50Ms : run.p99Ms) =
            toMs(m.captured(2), m.captured(3));
    }
    const auto bad =
        QRegularExpression(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).match(text);
    run.non2xx = bad.captured(1).toLong();
    return run;
}

Run wrk(quint16 port, const QByteArray& key, int seconds)
{
    QProcess process;
    QStringList args = {QStringLiteral("-t2"), QStringLiteral("-c64"),
                        QStringLiteral("-d%1s").arg(seconds), QStringLiteral("--latency")};
    if (!key.isEmpty()) {
        args << QStringLiteral("-H")
             << QStringLiteral("Authorization: Bearer ") + QString::fromLatin1(key);
    }
    args << QStringLiteral("https://127.0.0.1:%1/api/version").arg(port);
    process.start(QStringLiteral("wrk"), args);
    process.waitForFinished(120000);
    return parseWrk(QString::fromUtf8(process.readAllStandardOutput()));
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

QByteArray makeRegistry(const MinisignKeyPair& signer, QByteArray* knownKey, const QString& dir)
{
    std::vector<ApiKeyRecord> records;
    records.reserve(100001);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i <= 100000; ++i) {
        const SecretBuffer key = ApiKeyFormat::generate();
        ApiKeyFormat::Parts parts;
        ApiKeyFormat::inspect(key.view(), parts);
        ApiKeyRecord r;
        r.id = QString::fromLatin1(parts.id.data(), qsizetype(parts.id.size()));
        r.owner = QStringLiteral("bench");
        r.team = QStringLiteral("bench");
        r.scopes = KeyScopes::parse({QStringLiteral("cluster:read")}).value_or(1);
        r.created = r.notBefore = now.addDays(-1);
        r.secretHash = ApiKeyHash::of(parts.body);
        records.push_back(r);
        if (i == 100000) {
            *knownKey = QByteArray(key.data(), qsizetype(key.size()));
        }
    }
    const std::string json = RegistryBundle::toJson(records, now, QStringLiteral("bench"));
    const auto signature = MinisignSigner::sign(signer, json, "bench");
    write(dir + QStringLiteral("/registry.json"), QByteArray::fromStdString(json));
    write(dir + QStringLiteral("/registry.json.minisig"), QByteArray::fromStdString(*signature));
    return QByteArray::fromStdString(signer.publicKeyFile());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int seconds = qEnvironmentVariableIntValue("RAYSEC_BENCH_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("RAYSEC_BENCH_SECONDS")
                            : 8;
    QTemporaryDir dir;
    const QString d = dir.path();
    const int made = QProcess::execute(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
         QStringLiteral("-keyout"), d + QStringLiteral("/tls.key"), QStringLiteral("-out"),
         d + QStringLiteral("/tls.crt"), QStringLiteral("-days"), QStringLiteral("1"),
         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
         QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (made != 0) {
        std::fprintf(stderr, "openssl could not make the benchmark's TLS certificate\n");
        return 1;
    }

    const MinisignKeyPair signer = MinisignKeyPair::generate();
    QByteArray key;
    std::fprintf(stderr, "writing a signed registry of 100,001 keys...\n");
    write(d + QStringLiteral("/console.pub"), makeRegistry(signer, &key, d));
    write(d + QStringLiteral("/ray-token"), "benchtoken\n");

    const quint16 upstream = freePort(), nginxPort = freePort(), gatewayPort = freePort();
    // The upstream runs as its own nginx, in its own processes, as Ray's dashboard does, so
    // that both proxies pay the same to reach it.
    const QString upstreamServer =
        QStringLiteral(
            " server { listen 127.0.0.1:%1; location / { default_type application/json;\n"
            "  return 200 '{\"version\": \"4\", \"ray_version\": \"2.53.0\"}'; } }\n")
            .arg(upstream);
    const auto nginxHead = [&](const QString& name) {
        return QStringLiteral("worker_processes 2; pid %1/%2.pid; error_log %1/%2.err; "
                              "daemon off;\nevents { worker_connections 1024; }\n"
                              "http { access_log off; keepalive_requests 100000;\n")
            .arg(d, name);
    };
    const QByteArray nginxConf =
        (nginxHead(QStringLiteral("nginx")) +
         QStringLiteral(" upstream ray { server 127.0.0.1:%1; keepalive 64; }\n"
                        " server { listen 127.0.0.1:%2 ssl; ssl_certificate %3/tls.crt;\n"
                        "  ssl_certificate_key %3/tls.key; ssl_protocols TLSv1.2 TLSv1.3;\n"
                        "  location / { proxy_pass http://ray; proxy_http_version 1.1;\n"
                        "   proxy_set_header Connection \"\"; } }\n")
             .arg(upstream)
             .arg(nginxPort)
             .arg(d) +
         QStringLiteral("}\n"))
            .toUtf8();
    const QByteArray upstreamConf =
        (nginxHead(QStringLiteral("upstream")) + upstreamServer + QStringLiteral("}\n")).toUtf8();
    write(d + QStringLiteral("/nginx.conf"), nginxConf);
    write(d + QStringLiteral("/upstream.conf"), upstreamConf);
    const QByteArray gatewayConf =
        QStringLiteral(
            "{\"listen\": \"127.0.0.1:%2\", \"admin\": \"127.0.0.1:0\", \"certificate\": "
            "\"%1/tls.crt\","
            " \"key\": \"%1/tls.key\", \"upstream\": \"127.0.0.1:%3\","
            " \"upstreamTokenFile\": \"%1/ray-token\", \"publicKey\": \"%1/console.pub\","
            " \"keyRegistry\": \"%1/registry.json\", \"auditLog\": \"%1/audit.jsonl\", "
            "\"threads\": 2,"
            " \"rateLimits\": {\"perAddress\": {\"rate\": 1000000, \"burst\": 1000000},"
            " \"tiers\": {\"standard\": {\"*\": {\"rate\": 1000000, \"burst\": 1000000}}}}}")
            .arg(d)
            .arg(gatewayPort)
            .arg(upstream)
            .toUtf8();
    write(d + QStringLiteral("/gateway.json"), gatewayConf);

    QProcess upstreamNginx;
    upstreamNginx.start(
        QStringLiteral("/usr/sbin/nginx"),
        {QStringLiteral("-c"), d + QStringLiteral("/upstream.conf"), QStringLiteral("-p"), d});
    QProcess nginx;
    nginx.start(QStringLiteral("/usr/sbin/nginx"),
                {QStringLiteral("-c"), d + QStringLiteral("/nginx.conf"), QStringLiteral("-p"), d});
    QProcess gateway;
    gateway.start(QStringLiteral(RAYSEC_GATEWAY_BINARY),
                  {QStringLiteral("--config"), d + QStringLiteral("/gateway.json")});
    gateway.waitForReadyRead(30000);
    // Started and still alive a second later (waitForFinished returns true only if it died).
    const bool nginxUp = nginx.waitForStarted(5000) && !nginx.waitForFinished(1000) &&
                         upstreamNginx.waitForStarted(5000) && !upstreamNginx.waitForFinished(1000);
    const bool gatewayUp = gateway.waitForStarted(5000) && !gateway.waitForFinished(1000);
    if (!nginxUp || !gatewayUp) {
        std::fprintf(stderr, "could not start nginx or the gateway (exit codes %d, %d): %s %s %s\n",
                     nginx.exitCode(), gateway.exitCode(), nginx.readAllStandardError().constData(),
                     upstreamNginx.readAllStandardError().constData(),
                     gateway.readAllStandardError().constData());
        return 1;
    }

    if (qEnvironmentVariableIsSet("RAYSEC_BENCH_HOLD")) {
        // For profiling: leave both proxies running until Enter, and say how to drive them.
        // The benchmark key is a throw-away made for this run; it goes to a 0600 file.
        write(d + QStringLiteral("/bench-key"), key);
        std::printf("nginx on https://127.0.0.1:%u, gateway on https://127.0.0.1:%u (pid %lld)\n"
                    "gateway key in %s/bench-key; press Enter to stop\n",
                    nginxPort, gatewayPort, gateway.processId(), qPrintable(d));
        std::fflush(stdout);
        std::getchar();
        gateway.terminate();
        nginx.terminate();
        upstreamNginx.terminate();
        gateway.waitForFinished(10000);
        nginx.waitForFinished(10000);
        upstreamNginx.waitForFinished(10000);
        return 0;
    }

    // Each round drives nginx and then the gateway, so a round's ratio compares the two under
    // the same background load; the median of those ratios is the figure that drifts least on
    // a shared machine.
    const int rounds = std::clamp(qEnvironmentVariableIntValue("RAYSEC_BENCH_ROUNDS"), 0, 50);
    const int roundCount = rounds > 0 ? rounds : 3;
    std::vector<double> gRps, nRps, gP99, nP99, gP50, nP50, ratios, addedP99;
    for (int round = 0; round < roundCount; ++round) {
        const Run n = wrk(nginxPort, {}, seconds);
        const Run g = wrk(gatewayPort, key, seconds);
        std::printf("round %d: nginx %.0f req/s p50 %.2f ms p99 %.2f ms | gateway %.0f req/s p50 "
                    "%.2f ms p99 %.2f ms (non-2xx %ld)\n",
                    round + 1, n.requestsPerSecond, n.p50Ms, n.p99Ms, g.requestsPerSecond, g.p50Ms,
                    g.p99Ms, g.non2xx);
        nRps.push_back(n.requestsPerSecond);
        gRps.push_back(g.requestsPerSecond);
        nP99.push_back(n.p99Ms);
        gP99.push_back(g.p99Ms);
        nP50.push_back(n.p50Ms);
        gP50.push_back(g.p50Ms);
        ratios.push_back(g.requestsPerSecond / std::max(1.0, n.requestsPerSecond));
        addedP99.push_back(g.p99Ms - n.p99Ms);
    }
    std::printf("\nmedian of %d rounds, wrk -t2 -c64 -d%ds, TLS, keep-alive:\n", roundCount,
                seconds);
    std::printf("  nginx   %9.0f req/s  p50 %.2f ms  p99 %.2f ms\n", median(nRps), median(nP50),
                median(nP99));
    std::printf("  gateway %9.0f req/s  p50 %.2f ms  p99 %.2f ms\n", median(gRps), median(gP50),
                median(gP99));
    std::printf("  throughput ratio gateway/nginx: %.2f (target >= 0.90)\n",
                median(gRps) / std::max(1.0, median(nRps)));
    std::printf("  added p99 latency: %.2f ms (target <= 1 ms)\n", median(gP99) - median(nP99));
    std::printf("  per round: ratio median %.2f (%.2f to %.2f), added p99 median %.2f ms\n",
                median(ratios), *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()), median(addedP99));

    gateway.terminate();
    nginx.terminate();
    upstreamNginx.terminate();
    gateway.waitForFinished(10000);
    nginx.waitForFinished(10000);
    upstreamNginx.waitForFinished(10000);
    return 0;
}
