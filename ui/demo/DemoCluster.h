#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/store/ClusterProfile.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

namespace raysec {
class Database;
class Keychain;
} // namespace raysec

namespace raysec::ui {

// The demo cluster: starts raysec-sim on loopback with TLS and token auth, generates the token
// with libsodium, hands it to the simulator on stdin and stores it in the keychain, and saves a
// "Demo cluster" profile that trusts the simulator's CA. The console then connects through the
// same path as for any real cluster. The simulator stops when this object is destroyed.
class DemoCluster : public QObject
{
    Q_OBJECT

public:
    static constexpr const char* profileName = "Demo cluster";

    DemoCluster(Database& store, Keychain& keychain, QObject* parent = nullptr);
    ~DemoCluster() override;

    // program: path of raysec-sim; extraArguments: scenario switches (such as --hostile).
    void start(const QString& program, const QString& stateDir,
               const QStringList& extraArguments = {});
    void stop();

    // The simulator next to the running program (bin/ in the build, /usr/bin when installed).
    static QString defaultProgram();

Q_SIGNALS:
    void ready(const raysec::ClusterProfile& profile);
    void failed(const raysec::Error& error);

private:
    void sendToken();
    void readReadyLine();
    void handleReadyLine(const QByteArray& line);
    void reportFailure(const Error& error);

    Database& m_store;
    Keychain& m_keychain;
    QProcess m_process;
    QTimer m_startTimeout;
    QByteArray m_stdout;
    SecretBuffer m_pendingToken; // kept until the keychain has it
    bool m_ready = false;
    bool m_finished = false;
};

} // namespace raysec::ui
