#include "ui/audit/AuditScan.h"

#include "core/audit/AuditRunner.h"
#include "core/audit/QtProbeTransport.h"
#include "core/store/Keychain.h"

namespace raysec::ui {

AuditScan::AuditScan(Keychain& keychain, Database* store, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_store(store)
{
    auto catalog = CheckCatalog::builtIn();
    auto advisories = AdvisoryDatabase::builtIn();
    if (!catalog || !advisories) {
        m_loadError = !catalog ? catalog.error() : advisories.error();
        return;
    }
    m_catalog = std::move(*catalog);
    m_advisories = std::move(*advisories);
}

AuditScan::~AuditScan() = default;

void AuditScan::start(const ClusterProfile& profile)
{
    if (m_running) {
        return;
    }
    if (m_loadError) {
        Q_EMIT failed(m_loadError->text());
        return;
    }
    m_running = true;
    m_cancelRequested = false;
    if (profile.auth != AuthMode::RayToken) {
        launch(profile, nullptr);
        return;
    }
    m_keychain.read(profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                    this, [this, profile](Result<SecretBuffer> token) {
                        if (!token) {
                            m_running = false;
                            Q_EMIT failed(token.error().text());
                            return;
                        }
                        launch(profile, std::make_shared<const SecretBuffer>(std::move(*token)));
                    });
}

void AuditScan::launch(const ClusterProfile& profile, std::shared_ptr<const SecretBuffer> token)
{
    if (m_cancelRequested) {
        AuditRun run;
        run.profile = profile.name;
        run.dashboardUrl = profile.dashboardUrl.toString();
        run.startedAt = run.finishedAt = QDateTime::currentDateTimeUtc();
        run.cancelled = true;
        finish(run);
        return;
    }
    if (!m_runner) {
        m_runner = new AuditRunner(m_catalog, m_advisories, this);
        connect(m_runner, &AuditRunner::progressed, this, &AuditScan::progressed);
        connect(m_runner, &AuditRunner::finished, this, &AuditScan::finish);
    }
    ProbeSettings settings;
    settings.profile = profile.name;
    settings.ports = m_ports;
    AuditRunner::prepare(settings, m_catalog, m_store);
    m_runner->start(
        [profile, token](const std::atomic<bool>& cancelled) {
            return std::make_unique<QtProbeTransport>(profile, token, cancelled);
        },
        std::move(settings));
}

void AuditScan::cancel()
{
    if (!m_running) {
        return;
    }
    m_cancelRequested = true;
    if (m_runner) {
        m_runner->cancel();
    }
}

void AuditScan::finish(const AuditRun& run)
{
    m_running = false;
    Q_EMIT finished(run);
}

} // namespace raysec::ui
