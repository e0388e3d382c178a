#pragma once

#include "core/common/Error.h"
#include "core/keys/ApiKeyHash.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace raysec {

enum class KeyStatus
{
    Active,
    Grace, // replaced by a rotation, valid until graceUntil
    Expired,
    Revoked,
};

// What a key may do on the Ray API, as a bit set. Names: cluster:read, jobs:read, jobs:submit,
// jobs:stop, logs:read, admin.
class KeyScopes
{
public:
    static const QStringList& names();
    // Names what is unknown; an empty list is an error (a key must be able to do something).
    static Result<std::uint32_t> parse(const QStringList& scopes);
    static QStringList toNames(std::uint32_t scopes);
};

// One entry of the API key registry. Never holds the secret: only its hash.
struct ApiKeyRecord
{
    QString id;
    QString owner;
    QString team;
    QString description;
    std::uint32_t scopes = 0;
    QDateTime created;
    QDateTime notBefore;
    QDateTime expires; // invalid: never
    QString rateTier = QStringLiteral("standard");
    KeyStatus status = KeyStatus::Active;
    QString statusReason;
    QDateTime graceUntil; // set while status is Grace
    ApiKeyHash::Digest secretHash{};
    QString replaces; // the key this one rotated out
    QDateTime lastUsed;
    bool keptInKeychain = false;

    // The status at `now`, with expiry and the end of grace applied.
    KeyStatus statusAt(const QDateTime& now) const;
    // Expires within `days` of now (and is not already gone).
    bool expiresWithin(const QDateTime& now, int days) const;

    static QString statusName(KeyStatus status);
    static std::optional<KeyStatus> statusFromName(const QString& name);
};

} // namespace raysec
