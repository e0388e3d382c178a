#include "core/tls/BatchIssuer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTls, "raysec.core.tls")

namespace raysec::tls {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("raysec::tls::BatchIssuer", text);
}

Result<void> checkOutputDir(const QString& outputDir)
{
    if (outputDir.isEmpty()) {
        return {};
    }
    const QFileInfo info(outputDir);
    if ((info.exists() && !info.isDir()) || !QDir().mkpath(outputDir) ||
        !QFileInfo(outputDir).isWritable()) {
        return fail(QStringLiteral("tls.output-dir"),
                    tr("Cannot write bundles into %1.").arg(outputDir),
                    tr("Choose a folder you can write to."));
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

} // namespace

BatchResult BatchIssuer::run(const CertificateAuthority& ca, const QList<NodeEntry>& nodes,
                             const IssueSettings& settings, const QString& outputDir,
                             const BundleOptions& options, IssueProgress* progress)
{
    BatchResult result;
    if (auto ok = checkBatch(ca, nodes, settings, outputDir); !ok) {
        result.error = ok.error();
        return result;
    }
    const QDir root(outputDir);
    result.issued.reserve(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        if (progress && progress->isCancelled()) {
            result.cancelled = true;
            qCInfo(lcTls) << "batch cancelled after" << i << "of" << nodes.size() << "nodes";
            return result;
        }
        auto issued = NodeIssuer::issue(ca, nodes.at(i), settings);
        if (!issued) {
            result.error = issued.error();
            return result;
        }
        if (!outputDir.isEmpty()) {
            auto written = BundleWriter::writeNodeBundle(root.filePath(nodes.at(i).name), ca,
                                                         *issued, options);
            if (!written) {
                result.error = written.error();
                return result;
            }
            result.filesWritten += int(written->size());
        }
        result.issued.append(std::move(*issued));
        if (progress) {
            progress->progressed(i + 1, int(nodes.size()));
        }
    }
    return result;
}

} // namespace raysec::tls
