#include "core/keys/ApiKeyRecord.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ApiKeyRecord)
};

} // namespace

const QStringList& KeyScopes::names()
{
    static const QStringList all = {QStringLiteral("cluster:read"), QStringLiteral("jobs:read"),
                                    QStringLiteral("jobs:submit"),  QStringLiteral("jobs:stop"),
                                    QStringLiteral("logs:read"),    QStringLiteral("admin")};
    return all;
}

Result<std::uint32_t> KeyScopes::parse(const QStringList& scopes)
{
    std::uint32_t bits = 0;
    for (const QString& scope : scopes) {
        const qsizetype index = names().indexOf(scope.trimmed());
        if (index < 0) {
            return fail(
                QStringLiteral("keys.scope"), Text::tr("Unknown scope \"%1\".").arg(scope),
                Text::tr("Use one or more of: %1.").arg(names().join(QStringLiteral(", "))));
        }
        bits |= 1U << index;
    }
    if (bits == 0) {
        return fail(QStringLiteral("keys.no-scope"), Text::tr("The key has no scope."),
                    Text::tr("Give at least one of: %1.").arg(names().join(QStringLiteral(", "))));
    }
    return bits;
}

QStringList KeyScopes::toNames(std::uint32_t scopes)
{
    QStringList out;
    for (qsizetype i = 0; i < names().size(); ++i) {
        if (scopes & (1U << i)) {
            out << names().at(i);
        }
    }
    return out;
}

KeyStatus ApiKeyRecord::statusAt(const QDateTime& now) const
{
    if (status == KeyStatus::Revoked || status == KeyStatus::Expired) {
        return status;
    }
    if (expires.isValid() && expires <= now) {
        return KeyStatus::Expired;
    }
    if (status == KeyStatus::Grace && graceUntil.isValid() && graceUntil <= now) {
        return KeyStatus::Expired;
    }
    return status;
}

bool ApiKeyRecord::expiresWithin(const QDateTime& now, int days) const
{
    const KeyStatus current = statusAt(now);
    if (current == KeyStatus::Revoked || current == KeyStatus::Expired) {
        return false;
    }
    QDateTime end = expires;
    if (current == KeyStatus::Grace && graceUntil.isValid() &&
        (!end.isValid() || graceUntil < end)) {
        end = graceUntil;
    }
    return end.isValid() && end <= now.addDays(days);
}

QString ApiKeyRecord::statusName(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return QStringLiteral("active");
    case KeyStatus::Grace:
        return QStringLiteral("grace");
    case KeyStatus::Expired:
        return QStringLiteral("expired");
    case KeyStatus::Revoked:
        break;
    }
    return QStringLiteral("revoked");
}

std::optional<KeyStatus> ApiKeyRecord::statusFromName(const QString& name)
{
    for (KeyStatus s :
         {KeyStatus::Active, KeyStatus::Grace, KeyStatus::Expired, KeyStatus::Revoked}) {
        if (statusName(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

} // namespace raysec
