// raysec-cli keys issue|list|rotate|revoke|export|verify|restore|seal|open|recipient:
// the API key manager from the command line. The logic lives in core/keys.

#include "CliCommand.h"
#include "CliContext.h"
#include "KeysCliSupport.h"

#include "core/keys/KeyManager.h"
#include "core/store/Keychain.h"

namespace raysec::cli::keys {

namespace {

void addIssueOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("owner"), Text::tr("Person or service that uses the key."),
         Text::tr("name")},
        {QStringLiteral("team"), Text::tr("Team the key belongs to."), Text::tr("team")},
        {QStringLiteral("scopes"),
         Text::tr("Comma-separated: %1.").arg(KeyScopes::names().join(u',')), Text::tr("scopes")},
        {QStringLiteral("description"), Text::tr("What the key is for."), Text::tr("text")},
        {QStringLiteral("expires"), Text::tr("Expiry date (2026-12-31)."), Text::tr("date")},
        {QStringLiteral("days"), Text::tr("Expire this many days from now."), Text::tr("days")},
        {QStringLiteral("not-before"), Text::tr("Start of validity (default: now)."),
         Text::tr("date")},
        {QStringLiteral("rate-tier"), Text::tr("Rate-limit tier."), Text::tr("tier"),
         QStringLiteral("standard")},
        {QStringLiteral("keychain"), Text::tr("Also keep the secret in your keychain (for your own "
                                              "service keys).")},
    });
}

int issue(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Issues an API key. The secret is printed once on "
                 "standard output; the registry keeps only its hash."));
    parser.addPositionalArgument(QStringLiteral("issue"), Text::tr("Issue a key."));
    addIssueOptions(parser);
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    KeyRequest request;
    request.owner = parser.value(QStringLiteral("owner"));
    request.team = parser.value(QStringLiteral("team"));
    request.description = parser.value(QStringLiteral("description"));
    request.scopes = parser.value(QStringLiteral("scopes")).split(u',', Qt::SkipEmptyParts);
    request.rateTier = parser.value(QStringLiteral("rate-tier"));
    request.keepInKeychain = parser.isSet(QStringLiteral("keychain"));
    auto expires = dateOrDays(parser, QStringLiteral("expires"), QStringLiteral("days"), now);
    auto notBefore = dateOrDays(parser, QStringLiteral("not-before"), {}, now);
    if (!expires || !notBefore) {
        return ctx.report(!expires ? expires.error() : notBefore.error());
    }
    request.expires = *expires;
    request.notBefore = *notBefore;

    auto keys = manager(ctx);
    if (!keys) {
        return ctx.report(keys.error());
    }
    auto issued = (*keys)->issue(request, now);
    if (!issued) {
        return ctx.report(issued.error());
    }
    if (!request.keepInKeychain) {
        printIssued(ctx, issued->record, issued->secret, now);
        return CliContext::ExitOk;
    }
    auto shared = std::make_shared<IssuedKey>(std::move(*issued));
    ctx.keychain().write(QString::fromLatin1(KeyManager::OwnKeysService), shared->record.id,
                         shared->secret, &ctx, [&ctx, shared, now](Result<void> stored) {
                             if (!stored) {
                                 // The key exists; say so rather than lose the secret.
                                 ctx.report(stored.error());
                             }
                             printIssued(ctx, shared->record, shared->secret, now);
                             ctx.finish(stored ? CliContext::ExitOk : CliContext::ExitFailure);
                         });
    return CliContext::Pending;
}

int list(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("list"), Text::tr("List keys (never secrets)."));
    parser.addOptions({
        {QStringLiteral("team"), Text::tr("Only this team."), Text::tr("team")},
        {QStringLiteral("status"), Text::tr("active, grace, expired or revoked."),
         Text::tr("status")},
        {QStringLiteral("expiring"), Text::tr("Only keys that expire within this many days."),
         Text::tr("days")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    KeyFilter filter;
    filter.team = parser.value(QStringLiteral("team"));
    if (parser.isSet(QStringLiteral("status"))) {
        filter.status = ApiKeyRecord::statusFromName(parser.value(QStringLiteral("status")));
        if (!filter.status) {
            return ctx.usage(Text::tr("--status takes active, grace, expired or revoked."));
        }
    }
    if (parser.isSet(QStringLiteral("expiring"))) {
        bool numeric = false;
        filter.expiresWithin = parser.value(QStringLiteral("expiring")).toInt(&numeric);
        if (!numeric) {
            return ctx.usage(Text::tr("--expiring takes a number of days."));
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto keys = manager(ctx);
    auto records = keys ? (*keys)->list(filter, now) : std::unexpected(keys.error());
    if (!records) {
        return ctx.report(records.error());
    }
    if (ctx.json()) {
        nlohmann::json array = nlohmann::json::array();
        for (const ApiKeyRecord& r : *records) {
            array.push_back(toJson(r, now));
        }
        ctx.printJson(array);
        return CliContext::ExitOk;
    }
    for (const ApiKeyRecord& r : *records) {
        ctx.out() << r.id << '\t' << ApiKeyRecord::statusName(r.statusAt(now)) << '\t' << r.team
                  << '\t' << r.owner << '\t'
                  << (r.expires.isValid() ? r.expires.toString(Qt::ISODate) : Text::tr("never"))
                  << '\t' << KeyScopes::toNames(r.scopes).join(u',') << Qt::endl;
    }
    return CliContext::ExitOk;
}

Result<std::vector<IssuedKey>> rotateOne(KeyManager& keys, const QString& id,
                                         const QDateTime& grace, const QDateTime& expires,
                                         const QDateTime& now)
{
    auto key = keys.rotate(id, grace, expires, now);
    if (!key) {
        return std::unexpected(key.error());
    }
    std::vector<IssuedKey> issued;
    issued.push_back(std::move(*key));
    return issued;
}

int rotate(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Issues a replacement key; the old one keeps working "
                 "until the end of grace. New secrets go to stdout, one "
                 "per line as \"<old id> <new key>\"."));
    parser.addPositionalArgument(QStringLiteral("rotate"), Text::tr("Rotate a key."));
    parser.addPositionalArgument(QStringLiteral("id"), Text::tr("Key id (or --team)."),
                                 Text::tr("[id]"));
    parser.addOptions({
        {QStringLiteral("team"), Text::tr("Rotate every active key of this team."),
         Text::tr("team")},
        {QStringLiteral("grace-until"), Text::tr("When the old key stops working."),
         Text::tr("date")},
        {QStringLiteral("grace-days"), Text::tr("Days the old key keeps working (default 7)."),
         Text::tr("days"), QStringLiteral("7")},
        {QStringLiteral("expires"), Text::tr("Expiry of the new key."), Text::tr("date")},
        {QStringLiteral("days"), Text::tr("The new key expires this many days from now."),
         Text::tr("days")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QString team = parser.value(QStringLiteral("team"));
    const QStringList positional = parser.positionalArguments();
    if ((positional.size() == 2) == !team.isEmpty() || positional.size() > 2) {
        return ctx.usage(Text::tr("keys rotate takes one key id or --team."));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto grace =
        dateOrDays(parser, QStringLiteral("grace-until"), QStringLiteral("grace-days"), now);
    auto expires = dateOrDays(parser, QStringLiteral("expires"), QStringLiteral("days"), now);
    if (!grace || !expires) {
        return ctx.report(!grace ? grace.error() : expires.error());
    }
    auto keys = manager(ctx);
    if (!keys) {
        return ctx.report(keys.error());
    }
    auto rotated = team.isEmpty() ? rotateOne(**keys, positional.at(1), *grace, *expires, now)
                                  : (*keys)->rotateTeam(team, *grace, *expires, now);
    if (!rotated) {
        return ctx.report(rotated.error());
    }
    const std::vector<IssuedKey>& issued = *rotated;
    if (ctx.json() && issued.size() == 1) {
        printIssued(ctx, issued.front().record, issued.front().secret, now);
        return CliContext::ExitOk;
    }
    ctx.err() << Text::tr("Rotated %n key(s); old keys work until %1.", nullptr, int(issued.size()))
                     .arg(grace->toString(Qt::ISODate))
              << Qt::endl;
    for (const IssuedKey& k : issued) {
        ctx.out() << k.record.replaces << ' ';
        printSecret(ctx, k.secret);
    }
    return CliContext::ExitOk;
}

int revoke(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("revoke"), Text::tr("Revoke a key at once."));
    parser.addPositionalArgument(QStringLiteral("id"), Text::tr("Key id (or --team)."),
                                 Text::tr("[id]"));
    parser.addOptions({
        {QStringLiteral("team"), Text::tr("Revoke every key of this team."), Text::tr("team")},
        {QStringLiteral("reason"), Text::tr("Why the key is revoked."), Text::tr("text")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QString team = parser.value(QStringLiteral("team"));
    const QStringList positional = parser.positionalArguments();
    if ((positional.size() == 2) == !team.isEmpty() || positional.size() > 2) {
        return ctx.usage(Text::tr("keys revoke takes one key id or --team."));
    }
    const QString reason = parser.value(QStringLiteral("reason"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto keys = manager(ctx);
    if (!keys) {
        return ctx.report(keys.error());
    }
    int count = 1;
    if (team.isEmpty()) {
        if (auto ok = (*keys)->revoke(positional.at(1), reason, now); !ok) {
            return ctx.report(ok.error());
        }
    } else {
        auto revoked = (*keys)->revokeTeam(team, reason, now);
        if (!revoked) {
            return ctx.report(revoked.error());
        }
        count = *revoked;
    }
    if (ctx.json()) {
        ctx.printJson({{"revoked", count}});
    } else {
        ctx.out() << Text::tr("Revoked %n key(s). Export the registry so the gateway learns it.",
                              nullptr, count)
                  << Qt::endl;
    }
    return CliContext::ExitOk;
}

int run(CliContext& ctx)
{
    using Sub = int (*)(CliContext&);
    static const QList<std::pair<QString, Sub>> subs = {
        {QStringLiteral("issue"), issue},         {QStringLiteral("list"), list},
        {QStringLiteral("rotate"), rotate},       {QStringLiteral("revoke"), revoke},
        {QStringLiteral("export"), exportBundle}, {QStringLiteral("verify"), verify},
        {QStringLiteral("restore"), restore},     {QStringLiteral("seal"), seal},
        {QStringLiteral("open"), open},           {QStringLiteral("recipient"), recipient},
    };
    const QString sub = ctx.arguments().value(1);
    for (const auto& [name, function] : subs) {
        if (name == sub) {
            return function(ctx);
        }
    }
    return ctx.usage(
        Text::tr("keys takes issue, list, rotate, revoke, export, verify, restore, seal, "
                 "open or recipient."));
}

const CliRegistration registration{
    {QStringLiteral("keys"),
     QT_TRANSLATE_NOOP("raysec-cli", "Issue, rotate, revoke, sign and hand over API keys"), run}};

} // namespace

} // namespace raysec::cli::keys
