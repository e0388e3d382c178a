#pragma once

#include "core/tls/BundleWriter.h"
#include "core/tls/IssueProgress.h"
#include "core/tls/NodeIssuer.h"

#include <optional>

namespace raysec::tls {

// The outcome of a batch: what was issued before it ended, whether the person cancelled it
// (not an error) and the error that stopped it, if any.
struct BatchResult
{
    QList<IssuedNode> issued;
    int filesWritten = 0;
    bool cancelled = false;
    std::optional<Error> error;

    bool succeeded() const { return !cancelled && !error; }
};

// Issues certificates for many nodes and writes each node's bundle under outputDir/<name>/.
// Everything that can be checked up front (nodes, settings, the output folder) is checked
// before the first file is written. The calling thread waits while `workers` threads share the
// nodes: each bundle file is flushed to disk before it replaces the old one, and that wait for
// the disk, not the signing, is what a large batch spends its time on. IssueJob runs the whole
// batch off the GUI thread. Progress calls are serialised; results keep the nodes' order.
class BatchIssuer
{
public:
    static BatchResult run(const CertificateAuthority& ca, const QList<NodeEntry>& nodes,
                           const IssueSettings& settings, const QString& outputDir,
                           const BundleOptions& options, IssueProgress* progress = nullptr,
                           int workers = defaultWorkers());

    // Enough threads to keep the disk busy while others sign.
    static int defaultWorkers();
};

} // namespace raysec::tls
