#include "core/keys/RegistryPublisher.h"

#include "core/common/SafeFile.h"
#include "core/keys/KeyManager.h"
#include "core/keys/RegistryBundle.h"
#include "core/keys/SigningKeyStore.h"

#include <QDir>

namespace raysec {

namespace {

Result<RegistryPublisher::Published> write(KeyManager& keys, const MinisignKeyPair& pair,
                                           const QString& folder, const QDateTime& now)
{
    auto records = keys.list({}, now);
    if (!records) {
        return std::unexpected(records.error());
    }
    const std::string json = RegistryBundle::toJson(*records, now, pair.keyIdHex());
    auto signature = RegistryBundle::sign(json, pair, now, records->size());
    if (!signature) {
        return std::unexpected(signature.error());
    }
    const QDir dir(folder);
    RegistryPublisher::Published out;
    out.bundlePath = dir.filePath(QString::fromLatin1(RegistryBundle::FileName));
    out.signaturePath = out.bundlePath + QStringLiteral(".minisig");
    out.publicKeyPath = dir.filePath(QString::fromLatin1(RegistryPublisher::PublicKeyFileName));
    out.signingKeyId = pair.keyIdHex();
    out.keys = records->size();
    const std::string pub = pair.publicKeyFile();
    for (auto [path, text] : {std::pair{out.bundlePath, std::string_view(json)},
                              std::pair{out.signaturePath, std::string_view(*signature)},
                              std::pair{out.publicKeyPath, std::string_view(pub)}}) {
        if (auto ok = SafeFile::write(path, text); !ok) {
            return std::unexpected(ok.error());
        }
    }
    const QString detail = QStringLiteral("%1 keys to %2, signing key %3")
                               .arg(out.keys)
                               .arg(out.bundlePath, out.signingKeyId);
    if (auto ok = keys.record(QStringLiteral("sign"), QString(), detail, now); !ok) {
        return std::unexpected(ok.error());
    }
    return out;
}

} // namespace

RegistryPublisher::RegistryPublisher(KeyManager& keys, SigningKeyStore& signing, QObject* parent)
    : QObject(parent)
    , m_keys(keys)
    , m_signing(signing)
{
}

void RegistryPublisher::publish(const QString& folder, const QDateTime& now, QObject* context,
                                Done done)
{
    m_signing.load(context, [this, folder, now, done](Result<MinisignKeyPair> pair) {
        if (!pair) {
            done(std::unexpected(pair.error()));
            return;
        }
        done(write(m_keys, *pair, folder, now));
    });
}

} // namespace raysec
