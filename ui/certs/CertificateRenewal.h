#pragma once

#include "core/common/Error.h"
#include "core/tls/CaStore.h"
#include "core/tls/CertificateInventory.h"
#include "core/tls/NodeIssuer.h"

#include <QObject>

namespace raysec::tls {
class IssueJob;
}

namespace raysec::ui {

class ConsoleContext;

// Renews one node certificate from the inventory under the same stored CA: the same node
// names, key type and validity length, a new key, written over the node's bundle folder and
// recorded in the inventory. Issuing runs on a worker thread.
class CertificateRenewal : public QObject
{
    Q_OBJECT

public:
    explicit CertificateRenewal(ConsoleContext& context, QObject* parent = nullptr);

    void start(const tls::InventoryEntry& entry);
    bool isRunning() const { return m_running; }

    // The node an inventory entry was issued for, from its name and SANs.
    static Result<tls::NodeEntry> nodeFor(const tls::InventoryEntry& entry);
    // The original key type and validity length.
    static Result<tls::IssueSettings> settingsFor(const tls::InventoryEntry& entry);
    // After finished(): the new certificate's inventory entry, or why renewal failed.
    const Result<tls::InventoryEntry>& outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished();

private:
    // Why the stored CA cannot sign, naming the CA and the node.
    Error caUnavailable(const Error& cause) const;
    void issueUnder(const tls::CertificateAuthority& ca);
    void issued();
    void finish(const Result<tls::InventoryEntry>& renewed);

    ConsoleContext& m_context;
    // Outlives the keychain read that load() waits for, which calls back into the store.
    tls::CaStore m_caStore;
    tls::IssueJob* m_job = nullptr;
    tls::InventoryEntry m_entry;
    Result<tls::InventoryEntry> m_outcome;
    bool m_running = false;
};

} // namespace raysec::ui
