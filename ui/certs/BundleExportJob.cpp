#include "ui/certs/BundleExportJob.h"

#include <QDir>

#include <memory>

namespace raysec::ui {

BundleExportJob::BundleExportJob(QObject* parent)
    : QObject(parent)
{
}

BundleExportJob::~BundleExportJob()
{
    if (m_thread) {
        m_thread->wait();
    }
}

bool BundleExportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

Result<int> BundleExportJob::write(const BundleExportRequest& request)
{
    tls::BundleOptions options;
    options.kubernetesNamespace = request.kubernetesNamespace;
    if (request.pkcs12Passphrase) {
        options.pkcs12Passphrase = &*request.pkcs12Passphrase;
    }
    const QDir root(request.folder);
    int files = 0;
    for (const tls::IssuedNode& issued : request.issued) {
        auto written = tls::BundleWriter::writeNodeBundle(root.filePath(issued.node.name),
                                                          request.ca, issued, options);
        if (!written) {
            return std::unexpected(written.error());
        }
        files += int(written->size());
    }
    if (!request.truststorePath.isEmpty()) {
        if (auto ok =
                tls::BundleWriter::writeTruststore(request.truststorePath, {request.ca.root()});
            !ok) {
            return std::unexpected(ok.error());
        }
        ++files;
    }
    return files;
}

void BundleExportJob::start(BundleExportRequest request)
{
    if (isRunning()) {
        return;
    }
    auto shared = std::make_shared<BundleExportRequest>(std::move(request));
    m_thread = QThread::create([this, shared] {
        Result<int> written = write(*shared);
        QMetaObject::invokeMethod(
            this,
            [this, written] {
                m_result = written;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

} // namespace raysec::ui
