#pragma once

#include "core/cluster/ClusterSnapshot.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <optional>

namespace raysec {
class ClusterMonitor;
class Database;
class Keychain;
} // namespace raysec

namespace raysec::ui {

// What every page of the console shares: the store, the keychain, the selected cluster and its
// latest snapshot. Owned by the main window; pages hold a reference.
class ConsoleContext : public QObject
{
    Q_OBJECT

public:
    ConsoleContext(Database& store, Keychain& keychain, QObject* parent = nullptr);

    Database& store() { return m_store; }
    Keychain& keychain() { return m_keychain; }

    const std::optional<ClusterProfile>& currentProfile() const { return m_profile; }
    const std::optional<ClusterSnapshot>& lastSnapshot() const { return m_snapshot; }

    void setCurrentProfile(std::optional<ClusterProfile> profile);
    void setSnapshot(const ClusterSnapshot& snapshot);

    // The monitor polling the current cluster, or null; owned by the main window. Pages use it
    // for its failed() and certificateUntrusted() signals and the refresh interval.
    ClusterMonitor* monitor() const { return m_monitor; }
    void setMonitor(ClusterMonitor* monitor);

Q_SIGNALS:
    void currentProfileChanged();
    void snapshotUpdated(const raysec::ClusterSnapshot& snapshot);
    void monitorChanged();

private:
    Database& m_store;
    Keychain& m_keychain;
    std::optional<ClusterProfile> m_profile;
    std::optional<ClusterSnapshot> m_snapshot;
    ClusterMonitor* m_monitor = nullptr;
};

} // namespace raysec::ui
