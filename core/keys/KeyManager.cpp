#include "core/keys/KeyManager.h"

#include "core/keys/ApiKeyFormat.h"
#include "core/store/Database.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcKeys, "raysec.core.keys")

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::KeyManager)
};

Result<void> checkName(const QString& value, const QString& field)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"));
    if (!pattern.match(value).hasMatch()) {
        return fail(QStringLiteral("keys.field"),
                    Text::tr("The %1 \"%2\" is not valid.").arg(field, value),
                    Text::tr("Use 1 to 64 letters, digits, dots, hyphens, underscores or @."));
    }
    return {};
}

Result<void> checkRequest(const KeyRequest& r, const QDateTime& notBefore)
{
    for (auto [value, field] :
         {std::pair{r.owner, Text::tr("owner")}, std::pair{r.team, Text::tr("team")},
          std::pair{r.rateTier, Text::tr("rate tier")}}) {
        if (auto ok = checkName(value, field); !ok) {
            return ok;
        }
    }
    if (r.description.size() > 500 || r.description.contains(QLatin1Char('\n'))) {
        return fail(QStringLiteral("keys.description"),
                    Text::tr("The description must be one line of at most 500 characters."));
    }
    if (r.expires.isValid() && r.expires <= notBefore) {
        return fail(QStringLiteral("keys.expiry"),
                    Text::tr("The expiry date is not after the start of validity."),
                    Text::tr("Choose an expiry date in the future."));
    }
    return {};
}

} // namespace

KeyManager::KeyManager(Database& db, QString actor)
    : m_db(db)
    , m_registry(db)
    , m_audit(db)
    , m_actor(std::move(actor))
{
}

QString KeyManager::defaultActor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

Result<void> KeyManager::migrate()
{
    return m_registry.migrate();
}

Result<IssuedKey> KeyManager::issue(const KeyRequest& request, const QDateTime& now)
{
    Transaction tx(m_db);
    auto issued = issueLocked(request, {}, now);
    if (!issued) {
        return issued;
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return issued;
}

Result<IssuedKey> KeyManager::issueLocked(const KeyRequest& request, const QString& replaces,
                                          const QDateTime& now)
{
    const QDateTime notBefore = request.notBefore.isValid() ? request.notBefore : now;
    if (auto ok = checkRequest(request, notBefore); !ok) {
        return std::unexpected(ok.error());
    }
    auto scopes = KeyScopes::parse(request.scopes);
    if (!scopes) {
        return std::unexpected(scopes.error());
    }

    IssuedKey issued{{}, ApiKeyFormat::generate()};
    const ApiKeyFormat::Parts parts = *ApiKeyFormat::parse(issued.secret.view());
    ApiKeyRecord& r = issued.record;
    r.id = QString::fromLatin1(parts.id.data(), qsizetype(parts.id.size()));
    r.owner = request.owner;
    r.team = request.team;
    r.description = request.description;
    r.scopes = *scopes;
    r.created = now.toUTC();
    r.notBefore = notBefore.toUTC();
    r.expires = request.expires.toUTC();
    r.rateTier = request.rateTier;
    r.secretHash = ApiKeyHash::of(parts.body);
    r.replaces = replaces;
    r.keptInKeychain = request.keepInKeychain;

    if (auto ok = m_registry.insert(r); !ok) {
        return std::unexpected(ok.error());
    }
    const QString detail = Text::tr("owner %1, team %2, scopes %3")
                               .arg(r.owner, r.team, KeyScopes::toNames(r.scopes).join(u' '));
    if (auto ok = m_audit.append(QStringLiteral("issue"), r.id, m_actor, detail, now); !ok) {
        return std::unexpected(ok.error());
    }
    qCInfo(lcKeys) << "issued key" << r.id << "for" << r.owner << "team" << r.team;
    return issued;
}

Result<IssuedKey> KeyManager::rotate(const QString& id, const QDateTime& graceUntil,
                                     const QDateTime& newExpires, const QDateTime& now)
{
    Transaction tx(m_db);
    auto issued = rotateLocked(id, graceUntil, newExpires, now);
    if (!issued) {
        return issued;
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return issued;
}

Result<IssuedKey> KeyManager::rotateLocked(const QString& id, const QDateTime& graceUntil,
                                           const QDateTime& newExpires, const QDateTime& now)
{
    auto old = m_registry.find(id);
    if (!old) {
        return std::unexpected(old.error());
    }
    if (old->statusAt(now) != KeyStatus::Active) {
        return fail(QStringLiteral("keys.not-active"),
                    Text::tr("Key %1 is %2; only an active key can be rotated.")
                        .arg(id, ApiKeyRecord::statusName(old->statusAt(now))),
                    Text::tr("Issue a new key for the owner instead."));
    }
    if (!graceUntil.isValid() || graceUntil < now) {
        return fail(QStringLiteral("keys.grace"), Text::tr("The end of grace is in the past."),
                    Text::tr("Choose when the old key stops working, now or later."));
    }
    // Without a chosen expiry the new key gets the old key's lifetime.
    QDateTime expires = newExpires;
    if (!expires.isValid() && old->expires.isValid()) {
        expires = now.addSecs(old->notBefore.secsTo(old->expires));
    }
    KeyRequest request{old->owner, old->team,  old->description, KeyScopes::toNames(old->scopes),
                       now,        newExpires, old->rateTier,    old->keptInKeychain};
    auto issued = issueLocked(request, id, now);
    if (!issued) {
        return issued;
    }
    old->status = KeyStatus::Grace;
    // Grace never outlives the old key's own expiry.
    old->graceUntil = old->expires.isValid() ? std::min(graceUntil, old->expires) : graceUntil;
    if (auto ok = m_registry.updateStatus(*old); !ok) {
        return std::unexpected(ok.error());
    }
    const QString detail = Text::tr("replaced by %1, old key valid until %2")
                               .arg(issued->record.id, old->graceUntil.toString(Qt::ISODate));
    if (auto ok = m_audit.append(QStringLiteral("rotate"), id, m_actor, detail, now); !ok) {
        return std::unexpected(ok.error());
    }
    qCInfo(lcKeys) << "rotated key" << id << "to" << issued->record.id;
    return issued;
}

Result<void> KeyManager::revoke(const QString& id, const QString& reason, const QDateTime& now)
{
    Transaction tx(m_db);
    if (auto ok = revokeLocked(id, reason, now); !ok) {
        return ok;
    }
    return tx.commit();
}

Result<void> KeyManager::revokeLocked(const QString& id, const QString& reason,
                                      const QDateTime& now)
{
    if (reason.trimmed().isEmpty() || reason.size() > 500 || reason.contains(QLatin1Char('\n'))) {
        return fail(QStringLiteral("keys.reason"),
                    Text::tr("A revocation needs a one-line reason."),
                    Text::tr("Say why, for example \"laptop lost\" or \"left the team\"."));
    }
    auto record = m_registry.find(id);
    if (!record) {
        return std::unexpected(record.error());
    }
    if (record->status == KeyStatus::Revoked) {
        return fail(QStringLiteral("keys.already-revoked"),
                    Text::tr("Key %1 is already revoked (%2).").arg(id, record->statusReason));
    }
    record->status = KeyStatus::Revoked;
    record->statusReason = reason.trimmed();
    if (auto ok = m_registry.updateStatus(*record); !ok) {
        return ok;
    }
    qCInfo(lcKeys) << "revoked key" << id;
    return m_audit.append(QStringLiteral("revoke"), id, m_actor, record->statusReason, now);
}

Result<int> KeyManager::expireDue(const QDateTime& now)
{
    auto records = m_registry.list({}, now);
    if (!records) {
        return std::unexpected(records.error());
    }
    Transaction tx(m_db);
    int changed = 0;
    for (ApiKeyRecord& r : *records) {
        if (r.status == KeyStatus::Expired || r.status == KeyStatus::Revoked ||
            r.statusAt(now) != KeyStatus::Expired) {
            continue;
        }
        r.status = KeyStatus::Expired;
        if (auto ok = m_registry.updateStatus(r); !ok) {
            return std::unexpected(ok.error());
        }
        const QString why =
            r.graceUntil.isValid() ? Text::tr("grace ended") : Text::tr("expiry reached");
        if (auto ok = m_audit.append(QStringLiteral("expire"), r.id, m_actor, why, now); !ok) {
            return std::unexpected(ok.error());
        }
        ++changed;
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return changed;
}

Result<std::vector<IssuedKey>> KeyManager::rotateTeam(const QString& team,
                                                      const QDateTime& graceUntil,
                                                      const QDateTime& newExpires,
                                                      const QDateTime& now)
{
    auto records = m_registry.list({team, KeyStatus::Active, {}}, now);
    if (!records) {
        return std::unexpected(records.error());
    }
    // All or nothing: a failure halfway leaves every key of the team as it was.
    Transaction tx(m_db);
    std::vector<IssuedKey> issued;
    for (const ApiKeyRecord& r : *records) {
        auto key = rotateLocked(r.id, graceUntil, newExpires, now);
        if (!key) {
            return std::unexpected(key.error());
        }
        issued.push_back(std::move(*key));
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return issued;
}

Result<int> KeyManager::revokeTeam(const QString& team, const QString& reason, const QDateTime& now)
{
    auto records = m_registry.list({team, {}, {}}, now);
    if (!records) {
        return std::unexpected(records.error());
    }
    Transaction tx(m_db);
    int revoked = 0;
    for (const ApiKeyRecord& r : *records) {
        if (r.status == KeyStatus::Revoked) {
            continue;
        }
        if (auto ok = revokeLocked(r.id, reason, now); !ok) {
            return std::unexpected(ok.error());
        }
        ++revoked;
    }
    if (auto ok = tx.commit(); !ok) {
        return std::unexpected(ok.error());
    }
    return revoked;
}

Result<std::vector<ApiKeyRecord>> KeyManager::list(const KeyFilter& filter, const QDateTime& now)
{
    if (auto ok = expireDue(now); !ok) {
        return std::unexpected(ok.error());
    }
    return m_registry.list(filter, now);
}

Result<void> KeyManager::record(const QString& action, const QString& id, const QString& detail,
                                const QDateTime& now)
{
    Transaction tx(m_db);
    if (auto ok = m_audit.append(action, id, m_actor, detail, now); !ok) {
        return ok;
    }
    return tx.commit();
}

} // namespace raysec
