#include "GatewayFixture.h"

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/MinisignSigner.h"
#include "core/keys/RegistryBundle.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <sodium.h>

#include <csignal>

namespace raysec::test {

namespace {

const QByteArray rayToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// A file only its owner can read, restricted before any byte is written.
bool writeOwnerOnly(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(bytes) == bytes.size();
}

} // namespace

QByteArray GatewayFixture::Reply::header(const char* name) const
{
    auto it = headers.find(QByteArray(name).toLower());
    return it == headers.end() ? QByteArray() : it->second;
}

GatewayFixture::GatewayFixture()
    : m_signingKey(MinisignKeyPair::generate())
{
}

GatewayFixture::~GatewayFixture()
{
    if (m_gateway.state() != QProcess::NotRunning) {
        m_gateway.terminate();
        m_gateway.waitForFinished(10000);
    }
}

QByteArray GatewayFixture::addKey(const QString& id, const QString& team, const QStringList& scopes,
                                  const QString& status, int expiresInDays)
{
    const SecretBuffer key = ApiKeyFormat::generate();
    ApiKeyFormat::Parts parts;
    ApiKeyFormat::inspect(key.view(), parts);
    ApiKeyRecord record;
    record.id = QString::fromLatin1(parts.id.data(), qsizetype(parts.id.size()));
    record.owner = id;
    record.team = team;
    record.scopes = KeyScopes::parse(scopes).value_or(0);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    record.created = now.addDays(-1);
    record.notBefore = now.addDays(-1);
    record.expires = now.addDays(expiresInDays);
    record.status = ApiKeyRecord::statusFromName(status).value_or(KeyStatus::Active);
    if (record.status == KeyStatus::Grace) {
        record.graceUntil = now.addDays(1);
    }
    if (record.status == KeyStatus::Revoked) {
        record.statusReason = QStringLiteral("left the team");
    }
    record.secretHash = ApiKeyHash::of(parts.body);
    m_records.push_back(record);
    return QByteArray(key.data(), qsizetype(key.size()));
}

bool GatewayFixture::revokeKey(const QString& owner)
{
    for (ApiKeyRecord& record : m_records) {
        if (record.owner == owner) {
            record.status = KeyStatus::Revoked;
            record.statusReason = QStringLiteral("retired");
            return true;
        }
    }
    return false;
}

void GatewayFixture::addUser(const QString& name, const QString& role, const QByteArray& password,
                             bool disabled)
{
    char hash[crypto_pwhash_STRBYTES];
    QVERIFY(crypto_pwhash_str(hash, password.constData(), std::size_t(password.size()), 2,
                              19 * 1024 * 1024) == 0);
    QJsonObject user{{QStringLiteral("name"), name},
                     {QStringLiteral("role"), role},
                     {QStringLiteral("team"), QStringLiteral("ml")},
                     {QStringLiteral("passwordHash"), QString::fromLatin1(hash)},
                     {QStringLiteral("disabled"), disabled}};
    if (!m_users.isEmpty()) {
        m_users += ',';
    }
    m_users += QJsonDocument(user).toJson(QJsonDocument::Compact);
}

void GatewayFixture::setQuotaCpuLimit(const QString& team, double cpus)
{
    m_quotas = QStringLiteral(R"({"version": 1, "teams": {"%1": {"hard": {"CPU": %2}}}})")
                   .arg(team)
                   .arg(cpus)
                   .toUtf8();
}

void GatewayFixture::setRateLimit(double rate, double burst)
{
    m_rate = rate;
    m_burst = burst;
}

bool GatewayFixture::signFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + path;
        return false;
    }
    const QByteArray bytes = file.readAll();
    auto signature = MinisignSigner::sign(m_signingKey, bytes.toStdString(), "test bundle");
    if (!signature) {
        *error = signature.error().text();
        return false;
    }
    return writeFile(path + QStringLiteral(".minisig"), QByteArray::fromStdString(*signature));
}

bool GatewayFixture::writeBundles(QString* error)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::string registry = RegistryBundle::toJson(m_records, now, QStringLiteral("test"));
    const QByteArray users = "{\"format\": \"raysec-dashboard-users\", \"version\": 1, "
                             "\"generated\": \"" +
                             now.toString(Qt::ISODate).toUtf8() + "\", \"users\": [" + m_users +
                             "]}";
    const QByteArray policy =
        "{\"format\": \"raysec-gateway-policy\", \"version\": 1, \"generated\": \"" +
        now.toString(Qt::ISODate).toUtf8() + "\"" +
        (m_quotas.isEmpty() ? QByteArray() : ", \"quotas\": " + m_quotas) + "}";
    return writeFile(dir(QStringLiteral("registry.json")), QByteArray::fromStdString(registry)) &&
           writeFile(dir(QStringLiteral("users.json")), users) &&
           writeFile(dir(QStringLiteral("policy.json")), policy) &&
           signFile(dir(QStringLiteral("registry.json")), error) &&
           signFile(dir(QStringLiteral("users.json")), error) &&
           signFile(dir(QStringLiteral("policy.json")), error);
}

bool GatewayFixture::copyConsoleBundles(QString* error)
{
    const QDir from(m_consoleBundles);
    for (const QString& name :
         {QStringLiteral("registry.json"), QStringLiteral("registry.json.minisig"),
          QStringLiteral("users.json"), QStringLiteral("users.json.minisig"),
          QStringLiteral("policy.json"), QStringLiteral("policy.json.minisig"),
          QStringLiteral("raysec-registry.pub")}) {
        const QString target = name == QLatin1String("raysec-registry.pub")
                                   ? dir(QStringLiteral("console.pub"))
                                   : dir(name);
        const QByteArray bytes = readFile(from.filePath(name));
        if (bytes.isEmpty() || !writeFile(target, bytes)) {
            *error = QStringLiteral("cannot copy %1 from the console's folder").arg(name);
            return false;
        }
    }
    return true;
}

bool GatewayFixture::writeCertificate(QString* error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), dir(QStringLiteral("tls.key")),
                   QStringLiteral("-out"), dir(QStringLiteral("tls.crt")), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                   QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        *error = QString::fromUtf8(openssl.readAllStandardError());
        return false;
    }
    m_trusted = QSslCertificate::fromPath(dir(QStringLiteral("tls.crt")));
    return !m_trusted.isEmpty();
}

bool GatewayFixture::writeConfig()
{
    QJsonObject config{
        {QStringLiteral("listen"), QStringLiteral("127.0.0.1:0")},
        {QStringLiteral("admin"), QStringLiteral("127.0.0.1:0")},
        {QStringLiteral("certificate"), dir(QStringLiteral("tls.crt"))},
        {QStringLiteral("key"), dir(QStringLiteral("tls.key"))},
        {QStringLiteral("upstream"), QStringLiteral("127.0.0.1:%1").arg(m_sim.port())},
        {QStringLiteral("upstreamTokenFile"), dir(QStringLiteral("ray-token"))},
        {QStringLiteral("upstreamTimeoutSeconds"), m_upstreamTimeout},
        {QStringLiteral("clientTimeoutSeconds"), 3},
        {QStringLiteral("tunnelIdleSeconds"), m_tunnelIdle},
        {QStringLiteral("usageRefreshSeconds"), 1},
        {QStringLiteral("publicKey"), dir(QStringLiteral("console.pub"))},
        {QStringLiteral("keyRegistry"), dir(QStringLiteral("registry.json"))},
        {QStringLiteral("userStore"), dir(QStringLiteral("users.json"))},
        {QStringLiteral("policy"), dir(QStringLiteral("policy.json"))},
        {QStringLiteral("auditLog"), dir(QStringLiteral("audit.jsonl"))},
        {QStringLiteral("threads"), 2},
        {QStringLiteral("maxBodyBytes"), 65536},
        {QStringLiteral("rateLimits"),
         QJsonObject{
             {QStringLiteral("perAddress"),
              QJsonObject{{QStringLiteral("rate"), 10000}, {QStringLiteral("burst"), 10000}}},
             {QStringLiteral("tiers"),
              QJsonObject{{QStringLiteral("standard"),
                           QJsonObject{{QStringLiteral("*"),
                                        QJsonObject{{QStringLiteral("rate"), m_rate},
                                                    {QStringLiteral("burst"), m_burst}}}}}}}}}};
    if (!m_clientCa.isEmpty()) {
        config.insert(QStringLiteral("clientCa"), m_clientCa);
        config.insert(QStringLiteral("requireClientCertificate"), true);
    }
    return writeFile(dir(QStringLiteral("gateway.json")), QJsonDocument(config).toJson()) &&
           writeOwnerOnly(dir(QStringLiteral("ray-token")), rayToken + "\n") &&
           (!m_consoleBundles.isEmpty() ||
            writeFile(dir(QStringLiteral("console.pub")),
                      QByteArray::fromStdString(m_signingKey.publicKeyFile())));
}

namespace {

SimProcess::Options upstreamOptions(const QStringList& arguments)
{
    SimProcess::Options options;
    options.tls = false;
    options.token = rayToken;
    options.rayVersion = QStringLiteral("2.53.0");
    options.extraArgs = arguments;
    return options;
}

} // namespace

bool GatewayFixture::start(QString* error)
{
    if (!m_sim.start(upstreamOptions(m_simArguments), error) || !writeCertificate(error) ||
        !(m_consoleBundles.isEmpty() ? writeBundles(error) : copyConsoleBundles(error)) ||
        !writeConfig()) {
        return false;
    }
    m_gateway.start(builtProgram(QStringLiteral("raysec-gateway")),
                    {QStringLiteral("--config"), dir(QStringLiteral("gateway.json"))});
    if (!m_gateway.waitForStarted(10000)) {
        *error = QStringLiteral("raysec-gateway did not start");
        return false;
    }
    for (int waited = 0; waited < 300 && !m_gateway.canReadLine(); ++waited) {
        m_gateway.waitForReadyRead(100);
    }
    const QJsonObject ready = QJsonDocument::fromJson(m_gateway.readLine()).object();
    m_port = quint16(ready.value(QStringLiteral("port")).toInt());
    m_adminPort = quint16(ready.value(QStringLiteral("admin")).toInt());
    if (m_port == 0) {
        *error = QStringLiteral("no ready line: ") + QString::fromUtf8(gatewayLog());
        return false;
    }
    return true;
}

bool GatewayFixture::reload()
{
    // processId() is 0 once the gateway has exited, and kill(0, ...) would signal this test's
    // whole process group (ctest and the shell that runs it) instead.
    const qint64 pid = m_gateway.processId();
    if (pid <= 0 || m_gateway.state() != QProcess::Running) {
        qInfo("raysec-gateway is not running (exit status %d, code %d); its log:\n%s",
              int(m_gateway.exitStatus()), m_gateway.exitCode(), gatewayLog().constData());
        return false;
    }
    return ::kill(pid_t(pid), SIGHUP) == 0;
}

void GatewayFixture::stopUpstream()
{
    m_sim.stop();
}

bool GatewayFixture::restartUpstream(const QStringList& arguments, QString* error)
{
    const quint16 port = m_sim.port();
    m_sim.stop();
    // The last --port wins over the one SimProcess puts first.
    return m_sim.start(
        upstreamOptions(arguments + QStringList{QStringLiteral("--port"), QString::number(port)}),
        error);
}

QByteArray GatewayFixture::upstreamRequestLog() const
{
    QFile log(m_sim.requestLogFile());
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

QByteArray GatewayFixture::adminMetrics() const
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_adminPort);
    if (!socket.waitForConnected(5000)) {
        return {};
    }
    socket.write("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray metrics;
    while (socket.waitForReadyRead(5000)) {
        metrics += socket.readAll();
    }
    return metrics;
}

QSslConfiguration GatewayFixture::clientTls() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_trusted);
    return tls;
}

QByteArray GatewayFixture::gatewayLog()
{
    m_gatewayStderr += m_gateway.readAllStandardError();
    return m_gatewayStderr;
}

QUrl GatewayFixture::baseUrl() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
}

QByteArray GatewayFixture::rawExchange(const QByteArray& bytes, int waitMs, bool* closed)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_trusted);
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
    *closed = false;
    if (!socket.waitForEncrypted(5000)) {
        return "no TLS session: " + socket.errorString().toUtf8();
    }
    socket.write(bytes);
    socket.flush();
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < waitMs) {
        if (socket.waitForReadyRead(200)) {
            answer += socket.readAll();
        }
        if (socket.state() != QAbstractSocket::ConnectedState) {
            answer += socket.readAll();
            *closed = true;
            break;
        }
    }
    return answer;
}

QUrl GatewayFixture::urlFor(const QString& path) const
{
    // Appended as text rather than with QUrl::resolved(), which would remove "." and ".."
    // segments: the gateway itself must see paths as a hostile client sends them.
    return QUrl(baseUrl().toString() + path);
}

GatewayFixture::Reply GatewayFixture::send(QNetworkRequest request, const QByteArray& verb,
                                           const QByteArray& body)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_trusted);
    request.setSslConfiguration(tls);
    request.setTransferTimeout(20000);
    QNetworkReply* reply = m_network.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(30000);
    Reply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        out.headers[name.toLower()] = value;
    }
    reply->deleteLater();
    return out;
}

GatewayFixture::Reply GatewayFixture::get(const QString& path, const QByteArray& key,
                                          const QByteArray& cookie)
{
    QNetworkRequest request(urlFor(path));
    if (!key.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + key);
    }
    if (!cookie.isEmpty()) {
        request.setRawHeader("Cookie", cookie);
    }
    return send(request, "GET", {});
}

GatewayFixture::Reply GatewayFixture::post(const QString& path, const QByteArray& body,
                                           const QByteArray& key, const QByteArray& cookie,
                                           const QByteArray& contentType, const QByteArray& origin)
{
    QNetworkRequest request(urlFor(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!key.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + key);
    }
    if (!cookie.isEmpty()) {
        request.setRawHeader("Cookie", cookie);
    }
    if (!origin.isEmpty()) {
        request.setRawHeader("Origin", origin);
    }
    return send(request, "POST", body);
}

} // namespace raysec::test
