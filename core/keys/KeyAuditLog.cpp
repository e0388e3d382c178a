#include "core/keys/KeyAuditLog.h"

#include "core/store/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <nlohmann/json.hpp>
#include <sodium.h>

namespace raysec {

namespace {

constexpr int HashSize = 32;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::KeyAuditLog)
};

KeyAuditEvent fromQuery(const QSqlQuery& q)
{
    KeyAuditEvent e;
    e.seq = q.value(0).toLongLong();
    e.at = QDateTime::fromSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    e.action = q.value(2).toString();
    e.keyId = q.value(3).toString();
    e.actor = q.value(4).toString();
    e.detail = q.value(5).toString();
    e.hash = q.value(6).toByteArray();
    return e;
}

Error tampered(qint64 seq, const QString& what)
{
    return {QStringLiteral("audit.tampered"),
            Text::tr("The key audit trail was tampered with at row %1: %2.").arg(seq).arg(what),
            Text::tr("Treat the key registry as compromised: check the keys issued since then and "
                     "restore the store from a backup.")};
}

} // namespace

KeyAuditLog::KeyAuditLog(Database& db)
    : m_db(db)
{
}

QByteArray KeyAuditLog::chainHash(const QByteArray& previous, const KeyAuditEvent& e)
{
    // A JSON array is an unambiguous encoding of the fields (no separator can be forged).
    const std::string fields =
        nlohmann::json::array({e.seq, e.at.toSecsSinceEpoch(), e.action.toStdString(),
                               e.keyId.toStdString(), e.actor.toStdString(),
                               e.detail.toStdString()})
            .dump();
    QByteArray out(HashSize, '\0');
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, HashSize);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(previous.constData()),
                              std::size_t(previous.size()));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(fields.data()),
                              fields.size());
    crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()), HashSize);
    return out;
}

Result<void> KeyAuditLog::append(const QString& action, const QString& keyId, const QString& actor,
                                 const QString& detail, const QDateTime& at)
{
    QSqlQuery last(m_db.connection());
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM key_audit ORDER BY seq DESC LIMIT 1"))) {
        return std::unexpected(sqlError(Text::tr("read the audit trail"), last.lastError().text()));
    }
    const auto notNull = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; };
    KeyAuditEvent e{0, at, action, notNull(keyId), notNull(actor), notNull(detail), {}};
    QByteArray previous(HashSize, '\0');
    if (last.next()) {
        e.seq = last.value(0).toLongLong() + 1;
        previous = last.value(1).toByteArray();
    } else {
        e.seq = 1;
    }
    e.hash = chainHash(previous, e);
    return m_db.exec(QStringLiteral("INSERT INTO key_audit (seq, at, action, key_id, actor, "
                                    "detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                     {e.seq, at.toSecsSinceEpoch(), action, e.keyId, e.actor, e.detail, e.hash});
}

Result<std::vector<KeyAuditEvent>> KeyAuditLog::list(const QString& keyId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT seq, at, action, key_id, actor, detail, hash FROM key_audit "
                             "WHERE (? = '' OR key_id = ?) ORDER BY seq"));
    // A null QString would bind as NULL, and NULL = '' is never true.
    const QString id = keyId.isNull() ? QStringLiteral("") : keyId;
    q.addBindValue(id);
    q.addBindValue(id);
    if (!q.exec()) {
        return std::unexpected(sqlError(Text::tr("read the audit trail"), q.lastError().text()));
    }
    std::vector<KeyAuditEvent> events;
    while (q.next()) {
        events.push_back(fromQuery(q));
    }
    return events;
}

Result<KeyAuditLog::Verification> KeyAuditLog::verify() const
{
    auto events = list();
    if (!events) {
        return std::unexpected(events.error());
    }
    QByteArray previous(HashSize, '\0');
    qint64 expectedSeq = 1;
    for (const KeyAuditEvent& e : *events) {
        if (e.seq != expectedSeq) {
            return std::unexpected(tampered(
                expectedSeq, Text::tr("the row is missing (the next row is %1)").arg(e.seq)));
        }
        if (chainHash(previous, e) != e.hash) {
            return std::unexpected(
                tampered(e.seq, Text::tr("its contents or hash do not match the chain")));
        }
        previous = e.hash;
        ++expectedSeq;
    }
    return Verification{qint64(events->size()), previous.toHex()};
}

} // namespace raysec
