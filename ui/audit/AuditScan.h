#pragma once

#include "core/audit/AdvisoryDatabase.h"
#include "core/audit/AuditRun.h"
#include "core/audit/CheckCatalog.h"
#include "core/audit/ProbeContext.h"
#include "core/store/ClusterProfile.h"

#include <QObject>

#include <memory>
#include <optional>

namespace raysec {
class AuditRunner;
class Database;
class Keychain;
class SecretBuffer;
} // namespace raysec

namespace raysec::ui {

// One audit of a cluster profile for the console: fetches the profile's Ray token from the
// keychain when it uses one, then runs the checks on AuditRunner's worker thread. Shared by the
// Audit page and the hardening wizard. A cancelled scan still ends with finished().
class AuditScan : public QObject
{
    Q_OBJECT

public:
    AuditScan(Keychain& keychain, Database* store, QObject* parent = nullptr);
    ~AuditScan() override;

    // The built-in check and advisory data; an error when either file is damaged.
    const std::optional<Error>& loadError() const { return m_loadError; }
    const CheckCatalog& catalog() const { return m_catalog; }
    const AdvisoryDatabase& advisories() const { return m_advisories; }

    // Replaces the checks' Ray port list (the workstation's own services can answer on the
    // default ports of a loopback cluster).
    void setPorts(std::optional<QList<PortSpec>> ports) { m_ports = std::move(ports); }

    void start(const ClusterProfile& profile);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(int done, int total, const QString& checkId);
    void finished(const raysec::AuditRun& run);
    void failed(const QString& message);

private:
    void launch(const ClusterProfile& profile, std::shared_ptr<const SecretBuffer> token);
    void finish(const AuditRun& run);

    Keychain& m_keychain;
    Database* m_store;
    CheckCatalog m_catalog;
    AdvisoryDatabase m_advisories;
    std::optional<Error> m_loadError;
    std::optional<QList<PortSpec>> m_ports;
    AuditRunner* m_runner = nullptr;
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace raysec::ui
