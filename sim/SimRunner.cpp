#include "sim/SimRunner.h"

#include "sim/ClusterSeeder.h"
#include "sim/QuotaKnownCluster.h"
#include "sim/SimCertificates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSslConfiguration>

namespace raysec::sim {

SimRunner::SimRunner(SimOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

Result<nlohmann::json> SimRunner::start()
{
    Result<AuthGate> auth = readToken();
    if (!auth) {
        return std::unexpected(auth.error());
    }
    buildCluster();
    m_server = new RaySimServer(m_options, *m_model, std::move(*auth), this);

    QString caPath;
    if (m_options.tls) {
        Result<QString> written = setUpTls();
        if (!written) {
            return std::unexpected(written.error());
        }
        caPath = *written;
    }
    if (!m_options.requestLog.isEmpty()) {
        if (Result<void> opened = m_server->requestLog().open(m_options.requestLog); !opened) {
            return std::unexpected(opened.error());
        }
    }
    const quint16 port = m_server->listen(m_options.bind, m_options.port);
    if (port == 0) {
        return fail(
            QStringLiteral("sim.listen"),
            tr("Cannot listen on %1 port %2.").arg(m_options.bind.toString()).arg(m_options.port),
            tr("Pick another --port, or 0 for a free one."));
    }

    m_decoys = new PortDecoys(this);
    Result<QList<quint16>> decoyPorts = m_decoys->listen(m_options.openPorts);
    if (!decoyPorts) {
        return std::unexpected(decoyPorts.error());
    }
    if (m_options.tickMs > 0) {
        connect(&m_clock, &QTimer::timeout, this,
                [this] { m_model->tick(QDateTime::currentMSecsSinceEpoch()); });
        m_clock.start(m_options.tickMs);
    }

    const bool any = m_options.bind == QHostAddress(QHostAddress::AnyIPv4) ||
                     m_options.bind == QHostAddress(QHostAddress::Any);
    QString host = any ? QStringLiteral("127.0.0.1") : m_options.bind.toString();
    if (m_options.bind.protocol() == QAbstractSocket::IPv6Protocol && !any) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    const QString scheme = m_options.tls ? QStringLiteral("https") : QStringLiteral("http");
    nlohmann::json ready = {
        {"url", QStringLiteral("%1://%2:%3").arg(scheme, host).arg(port).toStdString()},
        {"ca", caPath.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(caPath.toStdString())},
        {"port", port},
        {"pid", QCoreApplication::applicationPid()}};
    if (!m_options.openPorts.isEmpty()) {
        ready["open_ports"] = std::vector<quint16>(decoyPorts->begin(), decoyPorts->end());
    }
    return ready;
}

Result<AuthGate> SimRunner::readToken() const
{
    if (!m_options.tokenFromStdin) {
        return AuthGate();
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return fail(QStringLiteral("sim.token"), tr("Cannot read the token from standard input."));
    }
    SecretBuffer token = SecretBuffer::readLine(input, 4096);
    if (token.isEmpty()) {
        return fail(QStringLiteral("sim.token"), tr("--token-stdin got an empty token."),
                    tr("Write the token as one line to standard input."));
    }
    return AuthGate(std::move(token));
}

Result<QString> SimRunner::prepareStateDir()
{
    if (m_options.stateDir.isEmpty()) {
        m_temporaryDir = std::make_unique<QTemporaryDir>();
        if (!m_temporaryDir->isValid()) {
            return fail(QStringLiteral("sim.state-dir"),
                        tr("Cannot make a temporary state folder."),
                        tr("Pass --state-dir with a writable folder."));
        }
        return m_temporaryDir->path();
    }
    if (!QDir().mkpath(m_options.stateDir)) {
        return fail(QStringLiteral("sim.state-dir"),
                    tr("Cannot create the state folder %1.").arg(m_options.stateDir));
    }
    return QDir(m_options.stateDir).absolutePath();
}

Result<QString> SimRunner::setUpTls()
{
    Result<QString> dir = prepareStateDir();
    if (!dir) {
        return dir;
    }
    Result<SimCertificates> certificates = SimCertificates::create(m_options.tlsMode);
    if (!certificates) {
        return std::unexpected(certificates.error());
    }
    Result<QString> caPath = certificates->writeTo(*dir);
    if (!caPath) {
        return caPath;
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificates->serverCertificate());
    configuration.setPrivateKey(certificates->serverKey());
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(m_options.tls13Only ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater);
    m_server->sslSetup(configuration);
    return caPath;
}

void SimRunner::buildCluster()
{
    m_model = std::make_unique<ClusterModel>(m_options.seed);
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    if (m_options.scenario == QLatin1String("quota-known")) {
        QuotaKnownCluster::populate(*m_model, now);
        m_model->setSpawnsJobs(false);
        return;
    }
    ClusterSeeder(*m_model, m_options, now).populate();
}

} // namespace raysec::sim
