#pragma once

#include "core/common/Error.h"
#include "core/tls/BundleWriter.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <optional>

namespace raysec::ui {

// What the export step writes: a bundle folder per node under `folder`, with the optional
// Kubernetes Secret and PKCS#12 files, and optionally a truststore file with the CA alone.
struct BundleExportRequest
{
    tls::CertificateAuthority ca;
    QList<tls::IssuedNode> issued;
    QString folder;
    QString kubernetesNamespace;
    std::optional<SecretBuffer> pkcs12Passphrase;
    QString truststorePath;
};

// Writes the bundles of an export on a worker thread; finished() arrives on the owner's thread,
// and result() then holds the number of files written or the first error.
class BundleExportJob : public QObject
{
    Q_OBJECT

public:
    explicit BundleExportJob(QObject* parent = nullptr);
    ~BundleExportJob() override;

    void start(BundleExportRequest request);
    bool isRunning() const;

    const Result<int>& result() const { return m_result; }

    static Result<int> write(const BundleExportRequest& request);

Q_SIGNALS:
    void finished();

private:
    QPointer<QThread> m_thread;
    Result<int> m_result = 0;
};

} // namespace raysec::ui
