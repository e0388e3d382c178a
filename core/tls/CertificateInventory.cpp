#include "core/tls/CertificateInventory.h"

#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace raysec::tls {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::tls::CertificateInventory)
};

const QStringList migrations = {
    QStringLiteral("CREATE TABLE tls_certificates ("
                   " fingerprint TEXT PRIMARY KEY, serial TEXT NOT NULL,"
                   " common_name TEXT NOT NULL, node_name TEXT NOT NULL DEFAULT '',"
                   " ca_name TEXT NOT NULL DEFAULT '', is_ca INTEGER NOT NULL,"
                   " sans TEXT NOT NULL, not_before TEXT NOT NULL, not_after TEXT NOT NULL,"
                   " recorded_at TEXT NOT NULL, bundle_dir TEXT NOT NULL DEFAULT '',"
                   " certificate_pem TEXT NOT NULL, encrypted_key_pem BLOB);"
                   "CREATE INDEX tls_certificates_not_after ON tls_certificates(not_after)"),
};

const QString selectColumns = QStringLiteral(
    "SELECT fingerprint, serial, common_name, node_name, ca_name, is_ca, sans, not_before,"
    " not_after, recorded_at, bundle_dir, certificate_pem, encrypted_key_pem IS NOT NULL"
    " FROM tls_certificates");

// SQLite stores a null QString as NULL; the text columns are NOT NULL.
QString nonNull(const QString& text)
{
    return text.isNull() ? QString::fromLatin1("") : text;
}

QDateTime fromText(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

InventoryEntry fromRecord(const QSqlQuery& q)
{
    InventoryEntry e;
    e.fingerprint = q.value(0).toString();
    e.serial = q.value(1).toString();
    e.commonName = q.value(2).toString();
    e.nodeName = q.value(3).toString();
    e.caName = q.value(4).toString();
    e.isCa = q.value(5).toBool();
    e.subjectAltNames = q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    e.notBefore = fromText(q.value(7).toString());
    e.notAfter = fromText(q.value(8).toString());
    e.recordedAt = fromText(q.value(9).toString());
    e.bundleDir = q.value(10).toString();
    e.certificatePem = q.value(11).toString().toUtf8();
    e.hasEncryptedKey = q.value(12).toBool();
    return e;
}

} // namespace

ExpiryLevel InventoryEntry::expiryLevel(const QDateTime& now) const
{
    return CertificateInventory::expiryLevel(notAfter, now);
}

qint64 InventoryEntry::daysLeft(const QDateTime& now) const
{
    return now.secsTo(notAfter) / 86400;
}

ExpiryLevel CertificateInventory::expiryLevel(const QDateTime& notAfter, const QDateTime& now)
{
    if (notAfter <= now) {
        return ExpiryLevel::Expired;
    }
    if (notAfter <= now.addDays(7)) {
        return ExpiryLevel::Within7Days;
    }
    if (notAfter <= now.addDays(30)) {
        return ExpiryLevel::Within30Days;
    }
    return ExpiryLevel::Ok;
}

CertificateInventory::CertificateInventory(Database& db)
    : m_db(db)
{
}

Result<void> CertificateInventory::migrate()
{
    return m_db.migrate(QStringLiteral("tls"), migrations);
}

InventoryEntry CertificateInventory::entryFor(const Certificate& cert, const QString& caName,
                                              const QString& nodeName, const QString& bundleDir)
{
    return InventoryEntry{cert.sha256Fingerprint(),
                          cert.serialHex(),
                          cert.subjectCommonName(),
                          nodeName,
                          caName,
                          cert.isCa(),
                          cert.subjectAltNames(),
                          cert.notBefore(),
                          cert.notAfter(),
                          QDateTime::currentDateTimeUtc(),
                          bundleDir,
                          cert.toPem(),
                          false};
}

Result<void> CertificateInventory::record(const QList<InventoryEntry>& entries)
{
    Transaction tx(m_db);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO tls_certificates(fingerprint, serial, common_name, node_name, ca_name,"
        " is_ca, sans, not_before, not_after, recorded_at, bundle_dir, certificate_pem)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET"
        " bundle_dir = excluded.bundle_dir, recorded_at = excluded.recorded_at"));
    for (const InventoryEntry& e : entries) {
        const QVariantList values{e.fingerprint,
                                  e.serial,
                                  e.commonName,
                                  nonNull(e.nodeName),
                                  nonNull(e.caName),
                                  e.isCa ? 1 : 0,
                                  nonNull(e.subjectAltNames.join(QLatin1Char(','))),
                                  e.notBefore.toString(Qt::ISODate),
                                  e.notAfter.toString(Qt::ISODate),
                                  e.recordedAt.toString(Qt::ISODate),
                                  nonNull(e.bundleDir),
                                  QString::fromUtf8(e.certificatePem)};
        for (int i = 0; i < values.size(); ++i) {
            q.bindValue(i, values.at(i));
        }
        if (!q.exec()) {
            return std::unexpected(
                sqlError(Text::tr("record a certificate"), q.lastError().text()));
        }
    }
    return tx.commit();
}

Result<void> CertificateInventory::storeEncryptedKey(const QString& fingerprint,
                                                     const QByteArray& encryptedPem)
{
    if (!encryptedPem.contains("ENCRYPTED PRIVATE KEY")) {
        return fail(QStringLiteral("tls.inventory-key"),
                    Text::tr("Only encrypted keys are kept in the inventory."),
                    Text::tr("Give a passphrase to keep the node keys."));
    }
    return m_db.exec(
        QStringLiteral("UPDATE tls_certificates SET encrypted_key_pem = ? WHERE fingerprint = ?"),
        {encryptedPem, fingerprint});
}

Result<QList<InventoryEntry>> CertificateInventory::list() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(selectColumns + QStringLiteral(" ORDER BY not_after, common_name"))) {
        return std::unexpected(sqlError(Text::tr("list certificates"), q.lastError().text()));
    }
    QList<InventoryEntry> entries;
    while (q.next()) {
        entries.append(fromRecord(q));
    }
    return entries;
}

Result<InventoryEntry> CertificateInventory::find(const QString& fingerprint) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(selectColumns + QStringLiteral(" WHERE fingerprint = ?"));
    q.addBindValue(fingerprint);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read a certificate"), q.lastError().text()));
    }
    if (!q.next()) {
        return fail(
            QStringLiteral("tls.inventory-not-found"),
            Text::tr("No certificate with fingerprint %1 is in the inventory.").arg(fingerprint),
            Text::tr("Run 'raysec-cli certs list' to see the recorded certificates."));
    }
    return fromRecord(q);
}

Result<QByteArray> CertificateInventory::encryptedKey(const QString& fingerprint) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT encrypted_key_pem FROM tls_certificates"
                             " WHERE fingerprint = ? AND encrypted_key_pem IS NOT NULL"));
    q.addBindValue(fingerprint);
    if (!q.exec() || !q.next()) {
        return fail(
            QStringLiteral("tls.inventory-key"),
            Text::tr("The inventory holds no key for %1.").arg(fingerprint),
            Text::tr("Keys are kept only when chosen at issuance; renew the certificate to get "
                     "a new key."));
    }
    return q.value(0).toByteArray();
}

} // namespace raysec::tls
