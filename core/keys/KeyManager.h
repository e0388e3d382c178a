#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"
#include "core/keys/ApiKeyRecord.h"
#include "core/keys/KeyAuditLog.h"
#include "core/keys/KeyRegistry.h"

#include <QDateTime>
#include <QStringList>

#include <optional>
#include <vector>

namespace raysec {

class Database;

// What a person asks for when issuing a key.
struct KeyRequest
{
    QString owner;
    QString team;
    QString description;
    QStringList scopes;
    QDateTime notBefore; // invalid: now
    QDateTime expires;   // invalid: never
    QString rateTier = QStringLiteral("standard");
    bool keepInKeychain = false;
};

// A key as it leaves KeyManager: the registry entry plus the secret, shown once.
struct IssuedKey
{
    ApiKeyRecord record;
    SecretBuffer secret;
};

// The key lifecycle on the workstation: issue, rotate with a grace period, revoke with a reason,
// expire when due, and the same for a whole team. Every change and its audit event commit in one
// transaction; the registry keeps only the hash of each secret.
class KeyManager
{
public:
    KeyManager(Database& db, QString actor = defaultActor());

    static QString defaultActor();
    Result<void> migrate();

    Result<IssuedKey> issue(const KeyRequest& request, const QDateTime& now);
    // The old key stays valid until graceUntil; the new one inherits its owner, team, scopes
    // and rate tier, and expires at newExpires (invalid: after the old key's lifetime).
    Result<IssuedKey> rotate(const QString& id, const QDateTime& graceUntil,
                             const QDateTime& newExpires, const QDateTime& now);
    Result<void> revoke(const QString& id, const QString& reason, const QDateTime& now);
    // Marks keys whose expiry or grace has passed; returns how many changed.
    Result<int> expireDue(const QDateTime& now);

    Result<std::vector<IssuedKey>> rotateTeam(const QString& team, const QDateTime& graceUntil,
                                              const QDateTime& newExpires, const QDateTime& now);
    Result<int> revokeTeam(const QString& team, const QString& reason, const QDateTime& now);

    Result<std::vector<ApiKeyRecord>> list(const KeyFilter& filter, const QDateTime& now);
    // Records an event that changes no key (export, sign, seal, token generation).
    Result<void> record(const QString& action, const QString& id, const QString& detail,
                        const QDateTime& now);

    KeyRegistry& registry() { return m_registry; }
    KeyAuditLog& audit() { return m_audit; }

private:
    Result<IssuedKey> issueLocked(const KeyRequest& request, const QString& replaces,
                                  const QDateTime& now);
    Result<IssuedKey> rotateLocked(const QString& id, const QDateTime& graceUntil,
                                   const QDateTime& newExpires, const QDateTime& now);
    Result<void> revokeLocked(const QString& id, const QString& reason, const QDateTime& now);

    Database& m_db;
    KeyRegistry m_registry;
    KeyAuditLog m_audit;
    QString m_actor;
};

} // namespace raysec
