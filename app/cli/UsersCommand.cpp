// raysec-cli users add|list|disable|enable|reset|export: the dashboard users that the gateway
// lets in. Passwords come from standard input or --password-file only, never from arguments.

#include "CliCommand.h"
#include "CliContext.h"

#include "core/keys/SigningKeyStore.h"
#include "core/passwords/UserAccounts.h"
#include "core/passwords/UserBundle.h"
#include "core/store/Database.h"

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::UsersCommand)
};

const QString passwordFile = QStringLiteral("password-file");

Result<UserAccounts> accounts(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    UserAccounts accounts(**db);
    if (auto ok = accounts.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return accounts;
}

nlohmann::json toJson(const DashboardUser& u)
{
    return {{"name", u.name.toStdString()},
            {"role", DashboardUser::roleName(u.role).toStdString()},
            {"disabled", u.disabled},
            {"created", u.created.toString(Qt::ISODate).toStdString()},
            {"changed", u.changed.toString(Qt::ISODate).toStdString()}};
}

// Parses "users <sub> <name>" with the given extra options; returns the user name or sets code.
std::optional<QString> parseNamed(CliContext& ctx, QCommandLineParser& parser, int* code)
{
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("User name."));
    if (!ctx.parse(parser, code)) {
        return std::nullopt;
    }
    if (parser.positionalArguments().size() != 2) {
        *code = ctx.usage(Text::tr("Name exactly one user."));
        return std::nullopt;
    }
    return parser.positionalArguments().at(1);
}

int add(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Adds a dashboard user. The password is read from standard input (or --password-file), "
        "checked against the policy and stored only as an Argon2id hash."));
    parser.addPositionalArgument(QStringLiteral("add"), Text::tr("Add a user."));
    parser.addOptions(
        {{QStringLiteral("role"), Text::tr("viewer, operator or admin."), Text::tr("role"),
          QStringLiteral("viewer")},
         {passwordFile, Text::tr("Read the password from this file."), Text::tr("file")}});
    int code = 0;
    const auto name = parseNamed(ctx, parser, &code);
    if (!name) {
        return code;
    }
    const auto role = DashboardUser::roleFromName(parser.value(QStringLiteral("role")));
    if (!role) {
        return ctx.usage(Text::tr("--role takes viewer, operator or admin."));
    }
    auto password = ctx.readSecret(parser, passwordFile, Text::tr("password"));
    if (!password) {
        return ctx.report(password.error());
    }
    auto acc = accounts(ctx);
    auto user = acc ? acc->add(*name, *role, *password)
                    : Result<DashboardUser>(std::unexpected(acc.error()));
    if (!user) {
        return ctx.report(user.error());
    }
    if (ctx.json()) {
        ctx.printJson(toJson(*user));
    } else {
        ctx.out() << Text::tr("Added %1 (%2).").arg(user->name, DashboardUser::roleName(user->role))
                  << Qt::endl;
    }
    return CliContext::ExitOk;
}

int reset(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Sets a new password for a user, read from standard "
                                              "input (or --password-file)."));
    parser.addPositionalArgument(QStringLiteral("reset"), Text::tr("Reset a password."));
    parser.addOption(
        {passwordFile, Text::tr("Read the password from this file."), Text::tr("file")});
    int code = 0;
    const auto name = parseNamed(ctx, parser, &code);
    if (!name) {
        return code;
    }
    auto password = ctx.readSecret(parser, passwordFile, Text::tr("password"));
    if (!password) {
        return ctx.report(password.error());
    }
    auto acc = accounts(ctx);
    auto ok =
        acc ? acc->resetPassword(*name, *password) : Result<void>(std::unexpected(acc.error()));
    if (!ok) {
        return ctx.report(ok.error());
    }
    ctx.out() << Text::tr("Reset the password of %1.").arg(*name) << Qt::endl;
    return CliContext::ExitOk;
}

int setDisabled(CliContext& ctx, bool disabled)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(disabled ? QStringLiteral("disable") : QStringLiteral("enable"),
                                 disabled ? Text::tr("Disable a user.")
                                          : Text::tr("Enable a user."));
    int code = 0;
    const auto name = parseNamed(ctx, parser, &code);
    if (!name) {
        return code;
    }
    auto acc = accounts(ctx);
    auto ok = acc ? acc->setDisabled(*name, disabled) : Result<void>(std::unexpected(acc.error()));
    if (!ok) {
        return ctx.report(ok.error());
    }
    ctx.out() << (disabled ? Text::tr("Disabled %1.") : Text::tr("Enabled %1.")).arg(*name)
              << Qt::endl;
    return CliContext::ExitOk;
}

int list(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("list"), Text::tr("List the users."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto acc = accounts(ctx);
    auto users =
        acc ? acc->users().list() : Result<QList<DashboardUser>>(std::unexpected(acc.error()));
    if (!users) {
        return ctx.report(users.error());
    }
    if (ctx.json()) {
        nlohmann::json array = nlohmann::json::array();
        for (const DashboardUser& u : *users) {
            array.push_back(toJson(u));
        }
        ctx.printJson(array);
        return CliContext::ExitOk;
    }
    for (const DashboardUser& u : *users) {
        ctx.out() << u.name << '\t' << DashboardUser::roleName(u.role) << '\t'
                  << (u.disabled ? Text::tr("disabled") : Text::tr("enabled")) << '\t'
                  << u.changed.toString(Qt::ISODate) << Qt::endl;
    }
    return CliContext::ExitOk;
}

int exportBundle(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Writes the users as a JSON bundle for the gateway and signs it with the "
                 "workstation's signing key (FILE.minisig, verifiable with minisign -V)."));
    parser.addPositionalArgument(QStringLiteral("export"), Text::tr("Export the users."));
    parser.addPositionalArgument(QStringLiteral("file"), Text::tr("Bundle to write."));
    int code = 0;
    if (!ctx.parse(parser, &code) || parser.positionalArguments().size() != 2) {
        return code != 0 || parser.isSet(QStringLiteral("help"))
                   ? code
                   : ctx.usage(Text::tr("users export needs one file name."));
    }
    auto acc = accounts(ctx);
    auto users =
        acc ? acc->users().list() : Result<QList<DashboardUser>>(std::unexpected(acc.error()));
    auto policy =
        acc ? acc->policies().load() : Result<PasswordPolicy>(std::unexpected(acc.error()));
    if (!users || !policy) {
        return ctx.report(!users ? users.error() : policy.error());
    }
    const std::string document =
        UserBundle::document(*users, policy->hashing, QDateTime::currentDateTimeUtc());
    const QString path = parser.positionalArguments().at(1);
    auto* keys = new SigningKeyStore(ctx.keychain(),
                                     QString::fromLatin1(SigningKeyStore::DefaultService), &ctx);
    keys->load(&ctx, [&ctx, document, path, count = users->size()](Result<MinisignKeyPair> key) {
        auto ok = key ? UserBundle::write(path, document, *key)
                      : Result<void>(std::unexpected(key.error()));
        if (!ok) {
            ctx.finish(ctx.report(ok.error()));
            return;
        }
        if (ctx.json()) {
            ctx.printJson({{"file", path.toStdString()},
                           {"signature", (path + QStringLiteral(".minisig")).toStdString()},
                           {"keyId", key->keyIdHex().toStdString()},
                           {"users", count}});
        } else {
            ctx.out() << Text::tr("Wrote %1 users to %2, signed with key %3 (%2.minisig).")
                             .arg(count)
                             .arg(path, key->keyIdHex())
                      << Qt::endl;
        }
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

int run(CliContext& ctx)
{
    const QString sub = ctx.arguments().value(1);
    if (sub == QLatin1String("disable") || sub == QLatin1String("enable")) {
        return setDisabled(ctx, sub == QLatin1String("disable"));
    }
    const std::pair<const char*, int (*)(CliContext&)> commands[] = {
        {"add", add}, {"list", list}, {"reset", reset}, {"export", exportBundle}};
    for (const auto& [name, handler] : commands) {
        if (sub == QLatin1String(name)) {
            return handler(ctx);
        }
    }
    const QString summary = Text::tr("users takes add, list, disable, enable, reset or export; add "
                                     "--help to any of them.");
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("help")) {
        ctx.out() << summary << Qt::endl;
        return CliContext::ExitOk;
    }
    return ctx.usage(summary);
}

const CliRegistration registration{
    {QStringLiteral("users"),
     QT_TRANSLATE_NOOP("raysec-cli", "Dashboard users: add, list, disable, reset, export"), run}};

} // namespace

} // namespace raysec::cli
