// Times Raysec's batch issuance (1,000 ECDSA P-256 node certificates, bundles written) and the
// per-node openssl command recipe of Ray's documentation for the same nodes, and prints the
// ratio and the machine's raw ECDSA limit. Usage: bench_certificate_issuance [nodes] [sample]

#include "core/tls/BatchIssuer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>

#include <sys/resource.h>

using namespace raysec;

namespace {

QList<tls::NodeEntry> makeNodes(int count)
{
    QList<tls::NodeEntry> nodes;
    for (int i = 0; i < count; ++i) {
        nodes.append({QStringLiteral("node-%1").arg(i),
                      QStringLiteral("10.%1.%2.%3").arg(i / 65536).arg(i / 256 % 256).arg(i % 256),
                      {QStringLiteral("node-%1.ray.internal").arg(i)},
                      i == 0});
    }
    return nodes;
}

bool run(const QString& program, const QStringList& args, QByteArray* out = nullptr)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     process.readAllStandardError().constData());
        return false;
    }
    if (out) {
        *out = process.readAllStandardOutput();
    }
    return true;
}

// One node the way Ray's docs do it, with the ECDSA P-256 key Raysec uses: genpkey, req, x509.
bool opensslRecipe(const QDir& dir, const tls::NodeEntry& node)
{
    const QString key = dir.filePath(node.name + QStringLiteral(".key"));
    const QString csr = dir.filePath(node.name + QStringLiteral(".csr"));
    const QString ext = dir.filePath(node.name + QStringLiteral(".ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly)) {
        return false;
    }
    extFile.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                  "extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=");
    extFile.write(node.sanEntries().join(QLatin1Char(',')).toUtf8() + "\n");
    extFile.close();
    return run(QStringLiteral("openssl"),
               {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-out"), key}) &&
           run(QStringLiteral("openssl"),
               {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), key,
                QStringLiteral("-subj"), QStringLiteral("/CN=") + node.name, QStringLiteral("-out"),
                csr}) &&
           run(QStringLiteral("openssl"),
               {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                QStringLiteral("-CA"), dir.filePath(QStringLiteral("ca.crt")),
                QStringLiteral("-CAkey"), dir.filePath(QStringLiteral("ca.key")),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("365"),
                QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                dir.filePath(node.name + QStringLiteral(".crt"))});
}

double opensslSignRate()
{
    QByteArray out;
    if (!run(QStringLiteral("openssl"),
             {QStringLiteral("speed"), QStringLiteral("-seconds"), QStringLiteral("2"),
              QStringLiteral("ecdsap256")},
             &out)) {
        return 0;
    }
    // "256 bits ecdsa (nistp256)   0.0000s   0.0001s  42000.0  13000.0": sign/s is third.
    static const QRegularExpression line(
        QStringLiteral("nistp256\\)\\s+\\S+s\\s+\\S+s\\s+([0-9.]+)\\s+([0-9.]+)"));
    const auto match = line.match(QString::fromUtf8(out));
    return match.hasMatch() ? match.captured(1).toDouble() : 0;
}

// CPU seconds used by the whole process so far (all threads), to tell work from waiting on a
// machine shared with other jobs.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double keygenRate(int count)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        if (!tls::PrivateKey::generate(tls::KeyType::EcdsaP256)) {
            return 0;
        }
    }
    return count / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    const int sample = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    const QList<tls::NodeEntry> nodes = makeNodes(count);
    auto ca = tls::CertificateAuthority::create({});
    // RAYSEC_BENCH_DIR picks the file system the bundles go to (default: the system's temp).
    const QString base = qEnvironmentVariable("RAYSEC_BENCH_DIR");
    QTemporaryDir dir(base.isEmpty() ? QDir::tempPath() + QStringLiteral("/raysec-bench-XXXXXX")
                                     : base + QStringLiteral("/raysec-bench-XXXXXX"));
    if (!ca || !dir.isValid() || count < 1 || sample < 1) {
        std::fprintf(stderr, "setup failed\n");
        return 1;
    }

    const int workers = qEnvironmentVariableIntValue("RAYSEC_BENCH_WORKERS");
    QElapsedTimer timer;
    timer.start();
    double cpu = cpuSeconds();
    const tls::BatchResult batch =
        tls::BatchIssuer::run(*ca, nodes, {}, dir.filePath(QStringLiteral("bundles")), {}, nullptr,
                              workers > 0 ? workers : tls::BatchIssuer::defaultWorkers());
    const double raysecSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double raysecCpu = cpuSeconds() - cpu;
    if (!batch.succeeded()) {
        std::fprintf(stderr, "issuance failed: %s\n",
                     batch.error ? qPrintable(batch.error->text()) : "cancelled");
        return 1;
    }
    timer.restart();
    cpu = cpuSeconds();
    const tls::BatchResult memoryOnly = tls::BatchIssuer::run(*ca, nodes, {}, {}, {});
    const double cryptoSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double cryptoCpu = cpuSeconds() - cpu;

    // The openssl recipe on a sample of the same nodes, extrapolated to all of them.
    const QDir recipeDir(dir.filePath(QStringLiteral("recipe")));
    QDir().mkpath(recipeDir.path());
    auto caKey = ca->signingKey().toPem();
    QFile caKeyFile(recipeDir.filePath(QStringLiteral("ca.key")));
    QFile caCertFile(recipeDir.filePath(QStringLiteral("ca.crt")));
    if (!caKey || !caKeyFile.open(QIODevice::WriteOnly) || !caCertFile.open(QIODevice::WriteOnly)) {
        return 1;
    }
    caKeyFile.write(caKey->data(), qint64(caKey->size()));
    caKeyFile.close();
    caCertFile.write(ca->root().toPem());
    caCertFile.close();
    const int sampled = std::min(sample, count);
    timer.restart();
    for (int i = 0; i < sampled; ++i) {
        if (!opensslRecipe(recipeDir, nodes.at(i))) {
            return 1;
        }
    }
    const double recipeSeconds = double(timer.nsecsElapsed()) / 1e9 * count / sampled;

    const double keygen = keygenRate(2000);
    const double sign = opensslSignRate();
    const double limit = keygen > 0 && sign > 0 ? 1.0 / (1.0 / keygen + 1.0 / sign) : 0;
    std::printf("Certificate issuance, ECDSA P-256, %d nodes, bundles under %s\n", count,
                qPrintable(dir.path()));
    std::printf(
        "  raysec: issue + write bundles (%d files): %.3f s wall, %.3f s CPU (%.0f certs/s), "
        "target <= 2 s: %s\n",
        batch.filesWritten, raysecSeconds, raysecCpu, count / raysecSeconds,
        raysecSeconds <= 2.0 ? "met" : "MISSED");
    std::printf("  raysec: issue only, in memory: %.3f s wall, %.3f s CPU (%.0f certs/s)\n",
                cryptoSeconds, cryptoCpu, memoryOnly.issued.size() / cryptoSeconds);
    std::printf("  openssl recipe (genpkey, req, x509 per node; %d-node sample extrapolated): "
                "%.1f s\n",
                sampled, recipeSeconds);
    std::printf("  ratio openssl recipe / raysec: %.0fx\n", recipeSeconds / raysecSeconds);
    std::printf("  machine limit: ECDSA P-256 keygen %.0f/s (EVP), sign %.0f/s (openssl speed), "
                "keygen+sign %.0f certs/s\n",
                keygen, sign, limit);
    return 0;
}
