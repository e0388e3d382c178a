#pragma once

#include "core/tls/BatchIssuer.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>

namespace raysec::tls {

// Runs a BatchIssuer on a worker thread: start(), cancel(), and signals for progress and the
// end. Signals arrive on the thread that owns the job (the GUI thread).
class IssueJob : public QObject
{
    Q_OBJECT

public:
    explicit IssueJob(QObject* parent = nullptr);
    ~IssueJob() override;

    // Copies everything it needs; the passphrase (for PKCS#12 exports) is moved in.
    void start(CertificateAuthority ca, QList<NodeEntry> nodes, IssueSettings settings,
               QString outputDir, BundleOptions options,
               std::optional<SecretBuffer> pkcs12Passphrase = std::nullopt);
    void cancel();
    bool isRunning() const;
    const BatchResult& result() const { return m_result; }

Q_SIGNALS:
    void progressed(int done, int total);
    void finished(); // result() then tells how it ended

private:
    class Progress;

    std::atomic_bool m_cancelled = false;
    QPointer<QThread> m_thread;
    BatchResult m_result;
};

} // namespace raysec::tls
