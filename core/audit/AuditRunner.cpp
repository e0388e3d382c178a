#include "core/audit/AuditRunner.h"

#include "core/audit/PassiveGuard.h"
#include "core/audit/Probes.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

Q_LOGGING_CATEGORY(lcAudit, "raysec.core.audit")

namespace raysec {

AuditRunner::AuditRunner(CheckCatalog catalog, AdvisoryDatabase advisories, QObject* parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_advisories(std::move(advisories))
{
}

AuditRunner::~AuditRunner()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void AuditRunner::prepare(ProbeSettings& settings, const CheckCatalog& catalog, Database* store)
{
    for (const Check& check : catalog.checks()) {
        if (check.probe == QLatin1String("quota-policy") && store) {
            settings.quotaPolicies = probes::countQuotaPolicies(*store);
        }
    }
}

AuditRun AuditRunner::run(const CheckCatalog& catalog, const AdvisoryDatabase& advisories,
                          ProbeTransport& transport, ProbeSettings settings,
                          const std::atomic<bool>& cancelled, const ProgressFunction& progress)
{
    AuditRun run;
    run.profile = settings.profile;
    run.dashboardUrl = transport.baseUrl().toString(QUrl::RemoveUserInfo);
    run.startedAt = QDateTime::currentDateTimeUtc();
    PassiveGuard guard(transport);
    ProbeContext ctx(guard, advisories, std::move(settings));
    const int total = int(catalog.checks().size());
    for (int i = 0; i < total; ++i) {
        if (cancelled) {
            run.cancelled = true;
            break;
        }
        const Check& check = catalog.checks().at(i);
        if (progress) {
            progress(i, total, check.id);
        }
        const probes::Function probe = probes::find(check.probe);
        run.results.append(
            probe ? probe(check, ctx)
                  : probes::result(check, CheckOutcome::Error,
                                   tr("This Raysec has no probe %1.").arg(check.probe)));
    }
    // A cancel that arrived during the last probe still makes its answers unreliable.
    run.cancelled = run.cancelled || cancelled;
    run.rayVersion = ctx.rayVersionText();
    run.finishedAt = QDateTime::currentDateTimeUtc();
    if (progress && !run.cancelled) {
        progress(total, total, QString());
    }
    qCInfo(lcAudit) << "audit of" << run.profile << "finished, cancelled:" << run.cancelled;
    return run;
}

void AuditRunner::start(TransportFactory factory, ProbeSettings settings)
{
    if (m_busy) {
        return;
    }
    if (m_thread) {
        m_thread->wait(); // it has delivered its result and is only winding down
        delete m_thread;
    }
    m_busy = true;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    QPointer<AuditRunner> self(this);
    auto cancelled = m_cancelled;
    m_thread = QThread::create([self, cancelled, factory = std::move(factory),
                                settings = std::move(settings), catalog = m_catalog,
                                advisories = m_advisories]() mutable {
        std::unique_ptr<ProbeTransport> transport = factory(*cancelled);
        auto report = [self](int done, int total, const QString& id) {
            QMetaObject::invokeMethod(
                self,
                [self, done, total, id] {
                    if (self) {
                        Q_EMIT self->progressed(done, total, id);
                    }
                },
                Qt::QueuedConnection);
        };
        AuditRun result = AuditRunner::run(catalog, advisories, *transport, std::move(settings),
                                           *cancelled, report);
        transport.reset(); // QtNetwork objects die on the thread that made them
        QMetaObject::invokeMethod(
            self,
            [self, result] {
                if (self) {
                    self->m_busy = false;
                    Q_EMIT self->finished(result);
                }
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void AuditRunner::cancel()
{
    if (m_cancelled) {
        *m_cancelled = true;
    }
}

bool AuditRunner::isRunning() const
{
    return m_busy;
}

} // namespace raysec
