#include "ui/ConsoleContext.h"

namespace raysec::ui {

ConsoleContext::ConsoleContext(Database& store, Keychain& keychain, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
{
}

void ConsoleContext::setCurrentProfile(std::optional<ClusterProfile> profile)
{
    // A new cluster makes the last snapshot meaningless.
    m_profile = std::move(profile);
    m_snapshot.reset();
    Q_EMIT currentProfileChanged();
}

void ConsoleContext::setSnapshot(const ClusterSnapshot& snapshot)
{
    m_snapshot = snapshot;
    Q_EMIT snapshotUpdated(snapshot);
}

void ConsoleContext::setMonitor(ClusterMonitor* monitor)
{
    m_monitor = monitor;
    Q_EMIT monitorChanged();
}

} // namespace raysec::ui
