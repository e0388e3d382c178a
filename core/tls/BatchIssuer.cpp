#include "core/tls/BatchIssuer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcTls, "raysec.core.tls")

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::BatchIssuer)
};

Result<void> checkOutputDir(const QString& outputDir)
{
    if (outputDir.isEmpty()) {
        return {};
    }
    const QFileInfo info(outputDir);
    if ((info.exists() && !info.isDir()) || !QDir().mkpath(outputDir) ||
        !QFileInfo(outputDir).isWritable()) {
        return fail(QStringLiteral("tls.output-dir"),
                    Text::tr("Cannot write bundles into %1.").arg(outputDir),
                    Text::tr("Choose a folder you can write to."));
    }
    return {};
}

Result<void> checkBatch(const CertificateAuthority& ca, const QList<NodeEntry>& nodes,
                        const IssueSettings& settings, const QString& outputDir)
{
    if (auto ok = validateNodes(nodes); !ok) {
        return ok;
    }
    if (auto ok = NodeIssuer::checkSettings(ca, settings); !ok) {
        return ok;
    }
    return checkOutputDir(outputDir);
}

// The shared state of one batch while its worker threads run.
struct Batch
{
    const CertificateAuthority& ca;
    const QList<NodeEntry>& nodes;
    const IssueSettings& settings;
    const QDir root;
    const bool write;
    const BundleOptions& options;
    IssueProgress* progress;

    std::vector<std::optional<IssuedNode>> slots = {};
    std::atomic_int next = 0;
    std::atomic_int done = 0;
    std::atomic_int filesWritten = 0;
    std::atomic_bool stop = false;
    std::atomic_bool cancelled = false;
    std::mutex mutex = {}; // guards `error` and progress calls
    std::optional<Error> error = {};

    void fail(const Error& failure)
    {
        const std::lock_guard lock(mutex);
        if (!error) {
            error = failure;
        }
        stop = true;
    }

    void work()
    {
        const int total = int(nodes.size());
        for (int i = next++; i < total && !stop; i = next++) {
            if (progress && progress->isCancelled()) {
                cancelled = true;
                stop = true;
                return;
            }
            auto issued = NodeIssuer::issue(ca, nodes.at(i), settings);
            if (!issued) {
                return fail(issued.error());
            }
            if (write) {
                auto written = BundleWriter::writeNodeBundle(root.filePath(nodes.at(i).name), ca,
                                                             *issued, options);
                if (!written) {
                    return fail(written.error());
                }
                filesWritten += int(written->size());
            }
            slots[std::size_t(i)] = std::move(*issued);
            // Counted and reported under one lock, so reports arrive in order and the count
            // never goes back (two workers could otherwise report 3 before 2).
            const std::lock_guard lock(mutex);
            const int finished = ++done;
            if (progress) {
                progress->progressed(finished, total);
            }
        }
    }
};

} // namespace

int BatchIssuer::defaultWorkers()
{
    return std::max(4, QThread::idealThreadCount() * 8);
}

BatchResult BatchIssuer::run(const CertificateAuthority& ca, const QList<NodeEntry>& nodes,
                             const IssueSettings& settings, const QString& outputDir,
                             const BundleOptions& options, IssueProgress* progress, int workers)
{
    BatchResult result;
    if (auto ok = checkBatch(ca, nodes, settings, outputDir); !ok) {
        result.error = ok.error();
        return result;
    }
    Batch batch{ca, nodes, settings, QDir(outputDir), !outputDir.isEmpty(), options, progress};
    batch.slots.resize(nodes.size());
    std::vector<std::thread> threads;
    const int count = std::clamp(workers, 1, int(std::max<qsizetype>(1, nodes.size())));
    for (int i = 0; i < count; ++i) {
        threads.emplace_back([&batch] { batch.work(); });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }

    for (std::optional<IssuedNode>& slot : batch.slots) {
        if (slot) {
            result.issued.append(std::move(*slot));
        }
    }
    result.filesWritten = batch.filesWritten.load();
    result.error = batch.error;
    result.cancelled = batch.cancelled.load() && !result.error;
    if (result.cancelled) {
        qCInfo(lcTls) << "batch cancelled after" << result.issued.size() << "of" << nodes.size()
                      << "nodes";
    }
    return result;
}

} // namespace raysec::tls
