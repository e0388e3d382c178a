#pragma once

#include "core/cluster/ClusterSnapshot.h"
#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace raysec {

class Keychain;

// Polls one cluster at the profile's interval and publishes a full snapshot after each round
// (version, auth mode, cluster status, nodes, jobs, task summary). Fetching and parsing run off
// the caller's thread; signals arrive on the thread that owns the monitor.
class ClusterMonitor : public QObject
{
    Q_OBJECT

public:
    ClusterMonitor(ClusterProfile profile, Keychain* keychain, QObject* parent = nullptr);
    ~ClusterMonitor() override;

    const ClusterProfile& profile() const;
    void start(); // reads secrets from the keychain, then refreshes at once and periodically
    void stop();  // cancels requests in flight; no signal follows
    void refreshNow();
    void setIntervalSeconds(int seconds);

Q_SIGNALS:
    void snapshotReady(const raysec::ClusterSnapshot& snapshot);
    void failed(const raysec::Error& error);
    // The server's certificate did not verify against the profile's trust; the person may pin
    // it. fingerprint: SHA-256 of the certificate (hex, colon-separated); spkiPin: base64 of
    // the SHA-256 of its public key, ready for ClusterProfile::pinnedSpkiSha256.
    void certificateUntrusted(const QString& subject, const QString& fingerprint,
                              const QString& spkiPin);

private:
    void readSecret(const QString& entry, quint64 generation,
                    std::function<void(SecretBuffer)> next);
    void startClient();
    void roundFailed(quint64 generation, const Error& error);
    void responseArrived(quint64 generation);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace raysec
