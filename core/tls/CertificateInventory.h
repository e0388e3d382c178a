#pragma once

#include "core/common/Error.h"
#include "core/tls/Certificate.h"

#include <QDateTime>

namespace raysec {
class Database;
}

namespace raysec::tls {

// How close a certificate is to its end, for colouring and warnings.
enum class ExpiryLevel
{
    Ok,
    Within30Days,
    Within7Days,
    Expired
};

// One certificate Raysec issued or imported, as the inventory keeps it.
struct InventoryEntry
{
    QString fingerprint; // SHA-256, the key of the inventory
    QString serial;
    QString commonName;
    QString nodeName; // empty for CAs
    QString caName;
    bool isCa = false;
    QStringList subjectAltNames;
    QDateTime notBefore;
    QDateTime notAfter;
    QDateTime recordedAt;
    QString bundleDir;
    QByteArray certificatePem;
    bool hasEncryptedKey = false;

    ExpiryLevel expiryLevel(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
    qint64 daysLeft(const QDateTime& now = QDateTime::currentDateTimeUtc()) const;
};

// Every certificate Raysec issued, in the store (tables owned by module "tls"). Node keys are
// kept only when the person asks, and then only as encrypted PKCS#8.
class CertificateInventory
{
public:
    explicit CertificateInventory(Database& db);

    Result<void> migrate();
    // Records certificates in one transaction; an entry already present is updated.
    Result<void> record(const QList<InventoryEntry>& entries);
    Result<void> storeEncryptedKey(const QString& fingerprint, const QByteArray& encryptedPem);
    Result<QList<InventoryEntry>> list() const;
    Result<InventoryEntry> find(const QString& fingerprint) const;
    Result<QByteArray> encryptedKey(const QString& fingerprint) const;

    static InventoryEntry entryFor(const Certificate& cert, const QString& caName,
                                   const QString& nodeName, const QString& bundleDir);
    static ExpiryLevel expiryLevel(const QDateTime& notAfter, const QDateTime& now);

private:
    Database& m_db;
};

} // namespace raysec::tls
