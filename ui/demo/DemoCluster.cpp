#include "ui/demo/DemoCluster.h"

#include "core/common/SecretBuffer.h"
#include "ui/UiLogging.h"
#include "ui/profiles/ProfileSaver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace raysec::ui {

namespace {

constexpr int startTimeoutMs = 20000;

// 32 random bytes as 64 hex characters, the shape `ray get-auth-token --generate` makes.
SecretBuffer generateToken()
{
    SecretBuffer raw(32);
    randombytes_buf(raw.data(), raw.size());
    SecretBuffer hex(65);
    sodium_bin2hex(hex.data(), hex.size(), raw.bytes().data(), raw.size());
    hex.truncate(64);
    return hex;
}

} // namespace

DemoCluster::DemoCluster(Database& store, Keychain& keychain, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_startTimeout.setSingleShot(true);
    connect(&m_process, &QProcess::started, this, &DemoCluster::sendToken);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoCluster::readReadyLine);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            reportFailure({QStringLiteral("demo.start"),
                           tr("The demo cluster could not start: %1.")
                               .arg(m_process.errorString()),
                           tr("Check that raysec-sim is installed next to raysec.")});
        }
    });
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        if (!m_ready) {
            reportFailure({QStringLiteral("demo.exited"),
                           tr("The demo cluster stopped before it was ready (exit code %1).")
                               .arg(code),
                           tr("Its messages above say why; run raysec-sim --help to check.")});
        } else {
            qCWarning(lcUiDemo) << "the demo cluster stopped with exit code" << code;
        }
    });
    connect(&m_startTimeout, &QTimer::timeout, this, [this] {
        reportFailure({QStringLiteral("demo.timeout"),
                       tr("The demo cluster did not report that it was ready in %1 seconds.")
                           .arg(startTimeoutMs / 1000),
                       tr("The machine may be busy; try again.")});
        stop();
    });
}

DemoCluster::~DemoCluster()
{
    stop();
}

QString DemoCluster::defaultProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("raysec-sim"));
}

void DemoCluster::start(const QString& program, const QString& stateDir,
                        const QStringList& extraArguments)
{
    QDir().mkpath(stateDir);
    QStringList arguments = {QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--state-dir"), stateDir,
                             QStringLiteral("--token-stdin")};
    arguments += extraArguments;
    qCInfo(lcUiDemo) << "starting" << program << "with state in" << stateDir;
    m_pendingToken = generateToken();
    m_process.start(program, arguments);
}

void DemoCluster::sendToken()
{
    // The token leaves this process only through the simulator's stdin and the keychain.
    m_process.write(m_pendingToken.data(), qint64(m_pendingToken.size()));
    m_process.write("\n", 1);
    m_process.closeWriteChannel();
    m_startTimeout.start(startTimeoutMs);
}

void DemoCluster::stop()
{
    m_startTimeout.stop();
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    m_ready = true; // an exit we asked for is not a failure
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void DemoCluster::readReadyLine()
{
    if (m_ready) {
        m_process.readAllStandardOutput();
        return;
    }
    m_stdout += m_process.readAllStandardOutput();
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0) {
        if (m_stdout.size() > 64 * 1024) {
            reportFailure({QStringLiteral("demo.output"),
                           tr("The demo cluster printed an unexpected answer."), {}});
            stop();
        }
        return;
    }
    m_startTimeout.stop();
    m_ready = true;
    handleReadyLine(m_stdout.left(newline));
}

void DemoCluster::handleReadyLine(const QByteArray& line)
{
    const auto json = nlohmann::json::parse(line.constBegin(), line.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object() || !json.contains("url") ||
        !json["url"].is_string() || !json.contains("ca") || !json["ca"].is_string()) {
        reportFailure({QStringLiteral("demo.output"),
                       tr("The demo cluster's ready line is not the JSON Raysec expects."),
                       tr("Check that raysec-sim belongs to this version of Raysec.")});
        stop();
        return;
    }

    ClusterProfile profile;
    profile.name = QString::fromLatin1(profileName);
    profile.dashboardUrl = QUrl(QString::fromStdString(json["url"].get<std::string>()));
    profile.trust = TrustMode::CaBundle;
    profile.caBundlePath = QString::fromStdString(json["ca"].get<std::string>());
    profile.auth = AuthMode::RayToken;
    profile.refreshSeconds = 2;

    auto* saver = new ProfileSaver(m_store, m_keychain, this);
    connect(saver, &ProfileSaver::saved, this, [this, saver](const ClusterProfile& saved) {
        saver->deleteLater();
        qCInfo(lcUiDemo) << "demo cluster ready at" << saved.dashboardUrl.toString();
        Q_EMIT ready(saved);
    });
    connect(saver, &ProfileSaver::failed, this, [this, saver](const Error& error) {
        saver->deleteLater();
        reportFailure(error);
    });
    saver->start({QString(), profile, std::move(m_pendingToken)});
}

void DemoCluster::reportFailure(const Error& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    qCWarning(lcUiDemo) << "demo cluster failed:" << error.code;
    Q_EMIT failed(error);
}

} // namespace raysec::ui
