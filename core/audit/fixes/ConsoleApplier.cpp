#include "core/audit/fixes/ConsoleApplier.h"

#include "core/audit/fixes/KeyRegistryApplier.h"
#include "core/gatewayclient/GatewayBundleWriter.h"
#include "core/keys/RayClusterToken.h"
#include "core/keys/SigningKeyStore.h"
#include "core/quotas/QuotaRepository.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"

#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHardeningApply, "raysec.core.audit.hardening.apply")

namespace raysec {

namespace {

Result<void> saveQuotas(Database& db, const QuotaConfig& add)
{
    if (auto ok = QuotaRepository::migrate(db); !ok) {
        return ok;
    }
    QuotaRepository repository(db);
    auto current = repository.load();
    if (!current) {
        return std::unexpected(current.error());
    }
    // Existing policies stay; the default one is added or replaced.
    for (const QuotaPolicy& policy : add.policies) {
        current->upsert(policy);
    }
    return repository.save(*current);
}

} // namespace

ConsoleApplier::ConsoleApplier(Keychain& keychain, Database& store, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_store(store)
{
}

ConsoleApplier::~ConsoleApplier() = default;

void ConsoleApplier::apply(const ClusterProfile& profile, const QList<ConsoleChange>& changes,
                           const SecretBuffer& token, const std::optional<QuotaConfig>& quotas,
                           const QString& folder, Done done)
{
    if ((changes.contains(ConsoleChange::PublishKeyRegistry) ||
         changes.contains(ConsoleChange::PublishGatewayBundles)) &&
        folder.isEmpty()) {
        done(fail(QStringLiteral("hardening.apply"),
                  tr("The gateway's keys and bundles go into the written folder, and none is "
                     "written yet."),
                  tr("Write the files first, then apply.")));
        return;
    }
    if (changes.contains(ConsoleChange::SaveQuotaPolicy) && !quotas) {
        done(fail(QStringLiteral("hardening.apply"), tr("There is no quota policy to save."),
                  tr("Generate the fixes again.")));
        return;
    }
    if (!changes.contains(ConsoleChange::StoreRayToken)) {
        finish(applyStore(profile, changes, quotas), changes, folder, done);
        return;
    }
    if (auto ok = RayClusterToken::check(token); !ok) {
        done(std::unexpected(ok.error()));
        return;
    }
    m_keychain.write(
        profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry), token, this,
        [this, profile, changes, quotas, folder, done](Result<void> stored) {
            if (!stored) {
                done(std::unexpected(stored.error()));
                return;
            }
            qCInfo(lcHardeningApply) << "stored a new Ray token for profile" << profile.name;
            finish(applyStore(profile, changes, quotas), changes, folder, done);
        });
}

void ConsoleApplier::finish(Result<ClusterProfile> profile, const QList<ConsoleChange>& changes,
                            const QString& folder, const Done& done)
{
    if (!profile) {
        done(std::unexpected(profile.error()));
        return;
    }
    AppliedChanges applied{*profile, {}, {}, {}};
    if (!changes.contains(ConsoleChange::PublishKeyRegistry)) {
        publishBundles(std::move(applied), changes, folder, done);
        return;
    }
    if (!m_keys) {
        m_keys = new KeyRegistryApplier(m_keychain, m_store, this);
    }
    m_keys->publish(QDir(folder).filePath(QStringLiteral("gateway")),
                    [this, applied, changes, folder,
                     done](Result<KeyRegistryApplier::Published> published) mutable {
                        if (!published) {
                            done(std::unexpected(published.error()));
                            return;
                        }
                        applied.adminKeyId = published->keyId;
                        applied.files = published->files;
                        publishBundles(std::move(applied), changes, folder, done);
                    });
}

void ConsoleApplier::publishBundles(AppliedChanges applied, const QList<ConsoleChange>& changes,
                                    const QString& folder, const Done& done)
{
    if (!changes.contains(ConsoleChange::PublishGatewayBundles)) {
        done(std::move(applied));
        return;
    }
    // Runs after the quota policy was saved, so the bundle carries it.
    auto sources = GatewayBundleWriter::collect(m_store);
    if (!sources) {
        done(std::unexpected(sources.error()));
        return;
    }
    if (!m_signing) {
        m_signing = new SigningKeyStore(m_keychain,
                                        QString::fromLatin1(SigningKeyStore::DefaultService), this);
    }
    GatewayBundleFiles files;
    files.folder = QDir(folder).filePath(QStringLiteral("gateway"));
    files.replace = true; // the console's own files in the folder it wrote
    GatewayBundleWriter::publish(*m_signing, this, std::move(*sources), files,
                                 [applied, done](Result<WrittenGatewayBundles> written) mutable {
                                     if (!written) {
                                         done(std::unexpected(written.error()));
                                         return;
                                     }
                                     applied.files << written->files();
                                     applied.bundleSummary = written->summary();
                                     done(std::move(applied));
                                 });
}

Result<ClusterProfile> ConsoleApplier::applyStore(ClusterProfile profile,
                                                  const QList<ConsoleChange>& changes,
                                                  const std::optional<QuotaConfig>& quotas)
{
    if (changes.contains(ConsoleChange::UseRayTokenAuth)) {
        profile.auth = AuthMode::RayToken;
        ProfileRepository profiles(m_store);
        if (auto ok = profiles.migrate(); !ok) {
            return std::unexpected(ok.error());
        }
        if (auto ok = profiles.save(profile); !ok) {
            return std::unexpected(ok.error());
        }
        qCInfo(lcHardeningApply) << "profile" << profile.name << "now uses Ray token auth";
    }
    if (changes.contains(ConsoleChange::SaveQuotaPolicy)) {
        if (auto ok = saveQuotas(m_store, *quotas); !ok) {
            return std::unexpected(ok.error());
        }
        qCInfo(lcHardeningApply) << "saved the default quota policy";
    }
    return profile;
}

} // namespace raysec
