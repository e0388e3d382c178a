#include "core/tls/IssueJob.h"

namespace raysec::tls {

class IssueJob::Progress : public IssueProgress
{
public:
    explicit Progress(IssueJob* job)
        : m_job(job)
    {
    }

    void progressed(int done, int total) override
    {
        QMetaObject::invokeMethod(
            m_job, [job = m_job, done, total] { Q_EMIT job->progressed(done, total); },
            Qt::QueuedConnection);
    }

    bool isCancelled() const override { return m_job->m_cancelled.load(); }

private:
    IssueJob* m_job;
};

IssueJob::IssueJob(QObject* parent)
    : QObject(parent)
{
}

IssueJob::~IssueJob()
{
    // The worker reads this object; stop it and wait before the object goes away.
    cancel();
    if (m_thread) {
        m_thread->wait();
    }
}

void IssueJob::start(CertificateAuthority ca, QList<NodeEntry> nodes, IssueSettings settings,
                     QString outputDir, BundleOptions options,
                     std::optional<SecretBuffer> pkcs12Passphrase)
{
    if (isRunning()) {
        return;
    }
    m_cancelled = false;
    m_result = {};
    auto passphrase = std::make_shared<std::optional<SecretBuffer>>(std::move(pkcs12Passphrase));
    m_thread = QThread::create([this, ca = std::move(ca), nodes = std::move(nodes),
                                settings = std::move(settings), dir = std::move(outputDir),
                                options = std::move(options), passphrase]() mutable {
        if (passphrase->has_value()) {
            options.pkcs12Passphrase = &passphrase->value();
        }
        Progress progress(this);
        BatchResult result = BatchIssuer::run(ca, nodes, settings, dir, options, &progress);
        QMetaObject::invokeMethod(
            this,
            [this, result = std::move(result)]() mutable {
                m_result = std::move(result);
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void IssueJob::cancel()
{
    m_cancelled = true;
}

bool IssueJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

} // namespace raysec::tls
