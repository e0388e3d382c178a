#pragma once

#include "core/audit/AdvisoryDatabase.h"
#include "core/audit/AuditRun.h"
#include "core/audit/CheckCatalog.h"
#include "core/audit/ProbeContext.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace raysec {

class Database;

// Runs every check of the catalog against one cluster on a worker thread, with progress and
// cancel. The transport is created on the worker thread (QtNetwork objects belong to the thread
// that made them) and is always wrapped in a PassiveGuard. A cancelled run still finishes, with
// AuditRun::cancelled set: cancel is not an error.
class AuditRunner : public QObject
{
    Q_OBJECT

public:
    using TransportFactory =
        std::function<std::unique_ptr<ProbeTransport>(const std::atomic<bool>& cancelled)>;
    using ProgressFunction = std::function<void(int done, int total, const QString& checkId)>;

    AuditRunner(CheckCatalog catalog, AdvisoryDatabase advisories, QObject* parent = nullptr);
    ~AuditRunner() override;

    // Fills the settings that need the store, on the caller's thread.
    static void prepare(ProbeSettings& settings, const CheckCatalog& catalog, Database* store);

    void start(TransportFactory factory, ProbeSettings settings);
    void cancel();
    bool isRunning() const;

    // The whole run on the calling thread; start() calls it on the worker.
    static AuditRun run(const CheckCatalog& catalog, const AdvisoryDatabase& advisories,
                        ProbeTransport& transport, ProbeSettings settings,
                        const std::atomic<bool>& cancelled, const ProgressFunction& progress);

Q_SIGNALS:
    void progressed(int done, int total, const QString& checkId);
    void finished(const raysec::AuditRun& run);

private:
    CheckCatalog m_catalog;
    AdvisoryDatabase m_advisories;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QThread* m_thread = nullptr;
    bool m_busy = false; // from start() until finished() is emitted
};

} // namespace raysec

Q_DECLARE_METATYPE(raysec::AuditRun)
