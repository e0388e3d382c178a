#include "core/audit/fixes/KeyRegistryApplier.h"

#include "core/common/SafeFile.h"
#include "core/keys/KeyManager.h"
#include "core/keys/RegistryPublisher.h"
#include "core/keys/SigningKeyStore.h"

#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHardeningKeys, "raysec.core.audit.hardening.keys")

namespace raysec {

KeyRegistryApplier::KeyRegistryApplier(Keychain& keychain, Database& store, QObject* parent)
    : QObject(parent)
    , m_keys(std::make_unique<KeyManager>(store))
    , m_signing(
          new SigningKeyStore(keychain, QString::fromLatin1(SigningKeyStore::DefaultService), this))
    , m_publisher(new RegistryPublisher(*m_keys, *m_signing, this))
{
}

KeyRegistryApplier::~KeyRegistryApplier() = default;

void KeyRegistryApplier::publish(const QString& folder, Done done)
{
    if (!QDir(folder).exists()) {
        done(fail(QStringLiteral("hardening.apply-keys"),
                  tr("The gateway folder %1 does not exist.").arg(folder),
                  tr("Write the files first, then apply.")));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    KeyRequest request;
    request.owner = QStringLiteral("admin");
    request.team = QStringLiteral("ops");
    request.description = tr("Admin key made by the hardening wizard");
    request.scopes = {QStringLiteral("admin")};
    request.expires = now.addDays(90);
    auto migrated = m_keys->migrate();
    auto issued = migrated ? m_keys->issue(request, now)
                           : Result<IssuedKey>(std::unexpected(migrated.error()));
    if (!issued) {
        done(std::unexpected(issued.error()));
        return;
    }
    const QString secretPath = QDir(folder).filePath(QString::fromLatin1(secretFileName));
    SecretBuffer line = issued->secret.clone();
    line.append("\n");
    if (auto ok = SafeFile::write(secretPath, line.view(), SafeFile::Mode::OwnerOnly); !ok) {
        done(std::unexpected(ok.error()));
        return;
    }
    const QString keyId = issued->record.id;
    qCInfo(lcHardeningKeys) << "issued admin key" << keyId << "for the gateway";
    m_publisher->publish(
        folder, now, this, [keyId, secretPath, done](Result<RegistryPublisher::Published> p) {
            if (!p) {
                done(std::unexpected(p.error()));
                return;
            }
            done(Published{keyId, {secretPath, p->bundlePath, p->signaturePath, p->publicKeyPath}});
        });
}

} // namespace raysec
