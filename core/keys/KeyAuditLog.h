#pragma once

#include "core/common/Error.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace raysec {

class Database;

struct KeyAuditEvent
{
    qint64 seq = 0;
    QDateTime at;
    QString action; // issue, rotate, revoke, expire, export, sign, seal, token-generate, ...
    QString keyId;
    QString actor;
    QString detail;
    QByteArray hash;
};

// The append-only trail of key events, hash-chained: each row's hash is BLAKE2b-256 of the
// previous row's hash and the row's own fields, so editing or removing a row breaks the chain
// from that row on. Cutting rows off the end cannot be seen from inside the store; compare the
// head hash that verify() returns with one recorded elsewhere to catch that.
class KeyAuditLog
{
public:
    struct Verification
    {
        qint64 rows = 0;
        QByteArray head; // hash of the last row, hex
    };

    explicit KeyAuditLog(Database& db);

    // Call inside the caller's transaction so that the event and the change commit together.
    Result<void> append(const QString& action, const QString& keyId, const QString& actor,
                        const QString& detail, const QDateTime& at);
    Result<std::vector<KeyAuditEvent>> list(const QString& keyId = {}) const;
    // Names the first row that does not fit the chain.
    Result<Verification> verify() const;

    static QByteArray chainHash(const QByteArray& previous, const KeyAuditEvent& event);

private:
    Database& m_db;
};

} // namespace raysec
