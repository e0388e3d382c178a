#include "KeysCliSupport.h"

#include "core/keys/KeyManager.h"
#include "core/store/Database.h"

#include <cstdio>

namespace raysec::cli::keys {

Result<std::shared_ptr<KeyManager>> manager(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    auto keys = std::make_shared<KeyManager>(**db);
    if (auto ok = keys->migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return keys;
}

nlohmann::json toJson(const ApiKeyRecord& r, const QDateTime& now)
{
    auto time = [](const QDateTime& t) {
        return t.isValid() ? nlohmann::json(t.toUTC().toString(Qt::ISODate).toStdString())
                           : nlohmann::json(nullptr);
    };
    nlohmann::json scopes = nlohmann::json::array();
    for (const QString& s : KeyScopes::toNames(r.scopes)) {
        scopes.push_back(s.toStdString());
    }
    return {{"id", r.id.toStdString()},
            {"owner", r.owner.toStdString()},
            {"team", r.team.toStdString()},
            {"description", r.description.toStdString()},
            {"scopes", scopes},
            {"created", time(r.created)},
            {"notBefore", time(r.notBefore)},
            {"expires", time(r.expires)},
            {"rateTier", r.rateTier.toStdString()},
            {"status", ApiKeyRecord::statusName(r.statusAt(now)).toStdString()},
            {"statusReason", r.statusReason.toStdString()},
            {"graceUntil", time(r.graceUntil)},
            {"replaces", r.replaces.toStdString()},
            {"lastUsed", time(r.lastUsed)},
            {"keptInKeychain", r.keptInKeychain}};
}

Result<QDateTime> parseDate(const QString& text, const QString& option)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10) {
        return QDateTime(day, QTime(23, 59, 59), Qt::UTC);
    }
    QDateTime moment = QDateTime::fromString(text, Qt::ISODate);
    if (!moment.isValid()) {
        return fail(QStringLiteral("cli.date"),
                    Text::tr("--%1 \"%2\" is not a date.").arg(option, text),
                    Text::tr("Write it as 2026-12-31 or 2026-12-31T18:00:00Z."));
    }
    return moment.toUTC();
}

Result<QDateTime> dateOrDays(const QCommandLineParser& parser, const QString& dateOption,
                             const QString& daysOption, const QDateTime& now)
{
    if (parser.isSet(dateOption)) {
        return parseDate(parser.value(dateOption), dateOption);
    }
    if (!daysOption.isEmpty() && parser.isSet(daysOption)) {
        bool numeric = false;
        const double days = parser.value(daysOption).toDouble(&numeric);
        if (!numeric || days < 0 || days > 3650) {
            return fail(QStringLiteral("cli.days"),
                        Text::tr("--%1 takes a number of days from 0 to 3650.").arg(daysOption));
        }
        return now.addSecs(qint64(days * 86400));
    }
    return QDateTime();
}

void printSecret(CliContext& ctx, const SecretBuffer& secret)
{
    ctx.out().flush();
    std::fwrite(secret.data(), 1, secret.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printIssued(CliContext& ctx, const ApiKeyRecord& record, const SecretBuffer& secret,
                 const QDateTime& now)
{
    if (!ctx.json()) {
        ctx.err() << Text::tr("Issued key %1 for %2 (team %3). It is shown once; store it now.")
                         .arg(record.id, record.owner, record.team)
                  << Qt::endl;
        printSecret(ctx, secret);
        return;
    }
    // The secret is base62, so it needs no JSON escaping and never passes through a string.
    const std::string head = "{\"secret\": \"";
    const std::string tail = "\", \"key\": " + toJson(record, now).dump() + "}";
    ctx.out().flush();
    std::fwrite(head.data(), 1, head.size(), stdout);
    std::fwrite(secret.data(), 1, secret.size(), stdout);
    std::fwrite(tail.data(), 1, tail.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace raysec::cli::keys
