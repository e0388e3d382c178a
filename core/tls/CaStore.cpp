#include "core/tls/CaStore.h"

#include "core/common/Paths.h"
#include "core/common/SafeFile.h"
#include "core/store/Keychain.h"
#include "core/tls/NodeEntry.h"

#include <QCoreApplication>
#include <QDir>

#include <sodium.h>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::CaStore)
};

// 256 random bits as 64 hex characters: printable, so that keychain tools show it intact.
SecretBuffer randomPassphrase()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    SecretBuffer hex(2 * sizeof bytes + 1);
    sodium_bin2hex(hex.data(), hex.size(), bytes, sizeof bytes);
    sodium_memzero(bytes, sizeof bytes);
    hex.truncate(2 * sizeof bytes);
    return hex;
}

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

} // namespace

CaStore::CaStore(Keychain& keychain, QString baseDir)
    : m_keychain(keychain)
    , m_baseDir(baseDir.isEmpty() ? QDir(Paths::dataDir()).filePath(QStringLiteral("tls/ca"))
                                  : std::move(baseDir))
{
}

bool CaStore::isValidName(const QString& name)
{
    return isValidNodeName(name);
}

QString CaStore::keychainService(const QString& name)
{
    return QStringLiteral("raysec/tls-ca/") + name;
}

QString CaStore::folder(const QString& name) const
{
    return QDir(m_baseDir).filePath(name);
}

bool CaStore::contains(const QString& name) const
{
    return isValidName(name) &&
           QFileInfo::exists(QDir(folder(name)).filePath(QStringLiteral("chain.crt")));
}

QStringList CaStore::names() const
{
    QStringList result;
    const QStringList entries =
        QDir(m_baseDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& entry : entries) {
        if (contains(entry)) {
            result.append(entry);
        }
    }
    return result;
}

Result<void> CaStore::checkNew(const QString& name) const
{
    if (!isValidName(name)) {
        return fail(QStringLiteral("tls.ca-name"),
                    Text::tr("\"%1\" is not a usable CA name.").arg(name),
                    Text::tr("Use letters, digits, dots, dashes or underscores."));
    }
    if (contains(name)) {
        return fail(QStringLiteral("tls.ca-exists"),
                    Text::tr("A CA called %1 already exists.").arg(name),
                    Text::tr("Choose another name; an existing CA is never overwritten."));
    }
    return {};
}

void CaStore::save(const QString& name, const CertificateAuthority& ca, QObject* context,
                   Saved done)
{
    if (auto ok = checkNew(name); !ok) {
        done(ok);
        return;
    }
    auto passphrase = std::make_shared<SecretBuffer>(randomPassphrase());
    m_keychain.write(keychainService(name), QString::fromLatin1(passphraseEntry), *passphrase,
                     context, [this, name, ca, passphrase, done](Result<void> stored) {
                         done(stored ? writeFiles(name, ca, *passphrase) : stored);
                     });
}

Result<void> CaStore::writeFiles(const QString& name, const CertificateAuthority& ca,
                                 const SecretBuffer& passphrase) const
{
    const QDir dir(folder(name));
    auto signing = ca.signingKey().toEncryptedPem(passphrase);
    if (!signing) {
        return std::unexpected(signing.error());
    }
    const auto ownerOnly = SafeFile::Mode::OwnerOnly;
    if (!ca.rootKey().isNull()) {
        auto root = ca.rootKey().toEncryptedPem(passphrase);
        if (!root) {
            return std::unexpected(root.error());
        }
        if (auto ok =
                SafeFile::write(dir.filePath(QStringLiteral("root.key")), root->view(), ownerOnly);
            !ok) {
            return ok;
        }
    }
    if (auto ok = SafeFile::write(dir.filePath(QStringLiteral("signing.key")), signing->view(),
                                  ownerOnly);
        !ok) {
        return ok;
    }
    // The chain goes last: its presence is what marks the CA as stored.
    return SafeFile::write(dir.filePath(QStringLiteral("chain.crt")),
                           view(certificatesToPem(ca.chain())));
}

void CaStore::load(const QString& name, QObject* context, Loaded loaded)
{
    if (!contains(name)) {
        loaded(fail(
            QStringLiteral("tls.ca-not-found"), Text::tr("There is no CA called %1.").arg(name),
            Text::tr("Create or import it first: raysec-cli certs ca create %1.").arg(name)));
        return;
    }
    m_keychain.read(keychainService(name), QString::fromLatin1(passphraseEntry), context,
                    [this, name, loaded](Result<SecretBuffer> passphrase) {
                        if (!passphrase) {
                            loaded(std::unexpected(passphrase.error()));
                            return;
                        }
                        loaded(readFiles(name, *passphrase));
                    });
}

Result<QList<Certificate>> CaStore::chain(const QString& name) const
{
    auto pem = SafeFile::read(QDir(folder(name)).filePath(QStringLiteral("chain.crt")));
    if (!pem) {
        return std::unexpected(pem.error());
    }
    return Certificate::listFromPem(view(*pem));
}

Result<CertificateAuthority> CaStore::readFiles(const QString& name,
                                                const SecretBuffer& passphrase) const
{
    const QDir dir(folder(name));
    auto chainPem = SafeFile::read(dir.filePath(QStringLiteral("chain.crt")));
    auto keyPem = SafeFile::read(dir.filePath(QStringLiteral("signing.key")));
    if (!chainPem || !keyPem) {
        return std::unexpected(!chainPem ? chainPem.error() : keyPem.error());
    }
    auto ca = CertificateAuthority::import(view(*chainPem), view(*keyPem), &passphrase);
    if (!ca || !QFileInfo::exists(dir.filePath(QStringLiteral("root.key")))) {
        return ca;
    }
    auto rootPem = SafeFile::read(dir.filePath(QStringLiteral("root.key")));
    auto rootKey = rootPem ? PrivateKey::fromPem(view(*rootPem), &passphrase)
                           : Result<PrivateKey>(std::unexpected(rootPem.error()));
    if (!rootKey) {
        return std::unexpected(rootKey.error());
    }
    ca->setRootKey(std::move(*rootKey));
    return ca;
}

} // namespace raysec::tls
