// raysec-cli profile add|list|show|remove: cluster profiles from the command line.

#include "CliCommand.h"
#include "CliContext.h"

#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::ProfileCommand)
};

nlohmann::json toJson(const ClusterProfile& p)
{
    return {{"name", p.name.toStdString()},
            {"url", p.dashboardUrl.toString().toStdString()},
            {"trust", ClusterProfile::trustName(p.trust).toStdString()},
            {"caBundle", p.caBundlePath.toStdString()},
            {"pinSha256", p.pinnedSpkiSha256.toStdString()},
            {"clientCert", p.clientCertPath.toStdString()},
            {"clientKey", p.clientKeyPath.toStdString()},
            {"auth", ClusterProfile::authName(p.auth).toStdString()},
            {"keychainService", p.keychainService().toStdString()},
            {"refreshSeconds", p.refreshSeconds}};
}

Result<ProfileRepository> repository(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    ProfileRepository repo(**db);
    if (auto ok = repo.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return repo;
}

int add(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Adds or replaces a cluster profile. A Ray token is read from --token-file or from "
        "standard input and stored in the OS keychain, never in the profile."));
    parser.addPositionalArgument(QStringLiteral("add"), Text::tr("Add a profile."));
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("Profile name."));
    parser.addOptions({
        {QStringLiteral("url"), Text::tr("Dashboard address (https://host:port)."),
         Text::tr("url")},
        {QStringLiteral("trust"), Text::tr("system, ca-bundle or pin."), Text::tr("mode"),
         QStringLiteral("system")},
        {QStringLiteral("ca-bundle"), Text::tr("CA bundle file (PEM)."), Text::tr("file")},
        {QStringLiteral("pin"), Text::tr("Pinned SPKI SHA-256, base64."), Text::tr("pin")},
        {QStringLiteral("client-cert"), Text::tr("Client certificate (PEM)."), Text::tr("file")},
        {QStringLiteral("client-key"), Text::tr("Client private key (PEM)."), Text::tr("file")},
        {QStringLiteral("auth"), Text::tr("none or ray-token."), Text::tr("mode"),
         QStringLiteral("none")},
        {QStringLiteral("token-file"), Text::tr("File holding the Ray token."), Text::tr("file")},
        {QStringLiteral("refresh"), Text::tr("Refresh interval in seconds."), Text::tr("seconds"),
         QStringLiteral("5")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        return ctx.usage(Text::tr("profile add needs exactly one profile name."));
    }

    ClusterProfile profile;
    profile.name = positional.at(1);
    profile.dashboardUrl = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
    const auto trust = ClusterProfile::trustFromName(parser.value(QStringLiteral("trust")));
    const auto auth = ClusterProfile::authFromName(parser.value(QStringLiteral("auth")));
    if (!trust || !auth) {
        return ctx.usage(Text::tr("--trust takes system, ca-bundle or pin; --auth takes none or "
                                  "ray-token."));
    }
    profile.trust = *trust;
    profile.auth = *auth;
    profile.caBundlePath = parser.value(QStringLiteral("ca-bundle"));
    profile.pinnedSpkiSha256 = parser.value(QStringLiteral("pin"));
    profile.clientCertPath = parser.value(QStringLiteral("client-cert"));
    profile.clientKeyPath = parser.value(QStringLiteral("client-key"));
    bool numeric = false;
    profile.refreshSeconds = parser.value(QStringLiteral("refresh")).toInt(&numeric);
    if (!numeric) {
        return ctx.usage(Text::tr("--refresh takes a number of seconds."));
    }
    if (auto ok = profile.validated(); !ok) {
        return ctx.report(ok.error());
    }

    // Read the token before touching the store, so a missing token changes nothing.
    std::optional<SecretBuffer> token;
    if (profile.auth == AuthMode::RayToken) {
        auto secret = ctx.readSecret(parser, QStringLiteral("token-file"), Text::tr("Ray token"));
        if (!secret) {
            return ctx.report(secret.error());
        }
        token = std::move(*secret);
    }

    auto repo = repository(ctx);
    if (!repo) {
        return ctx.report(repo.error());
    }
    auto saveAndReport = [&ctx, profile, repo = std::move(*repo)]() mutable {
        if (auto ok = repo.save(profile); !ok) {
            return ctx.report(ok.error());
        }
        if (ctx.json()) {
            ctx.printJson(toJson(profile));
        } else {
            ctx.out() << Text::tr("Saved profile %1.").arg(profile.name) << Qt::endl;
            if (profile.isPlainHttp()) {
                ctx.out() << Text::tr("Warning: this profile uses plain http; traffic to the "
                                      "dashboard is not encrypted.")
                          << Qt::endl;
            }
        }
        return int(CliContext::ExitOk);
    };
    if (!token) {
        return saveAndReport();
    }

    // The secret goes to the keychain first; the profile is saved only once it is there.
    ctx.keychain().write(profile.keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry),
                         *token, &ctx, [&ctx, saveAndReport](Result<void> stored) mutable {
                             if (!stored) {
                                 ctx.finish(ctx.report(stored.error()));
                                 return;
                             }
                             ctx.finish(saveAndReport());
                         });
    return CliContext::Pending;
}

int list(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("list"), Text::tr("List the profiles."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto repo = repository(ctx);
    if (!repo) {
        return ctx.report(repo.error());
    }
    auto profiles = repo->list();
    if (!profiles) {
        return ctx.report(profiles.error());
    }
    if (ctx.json()) {
        nlohmann::json array = nlohmann::json::array();
        for (const ClusterProfile& p : *profiles) {
            array.push_back(toJson(p));
        }
        ctx.printJson(array);
        return CliContext::ExitOk;
    }
    for (const ClusterProfile& p : *profiles) {
        ctx.out() << p.name << '\t' << p.dashboardUrl.toString() << '\t'
                  << ClusterProfile::authName(p.auth) << Qt::endl;
    }
    return CliContext::ExitOk;
}

int remove(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("remove"), Text::tr("Remove a profile."));
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("Profile name."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 2) {
        return ctx.usage(Text::tr("profile remove needs exactly one profile name."));
    }
    auto repo = repository(ctx);
    if (!repo) {
        return ctx.report(repo.error());
    }
    auto profile = repo->find(parser.positionalArguments().at(1));
    if (!profile) {
        return ctx.report(profile.error());
    }
    // Secrets first: a profile whose keychain entry could not be removed stays listed.
    ctx.keychain().remove(
        profile->keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry), &ctx,
        [&ctx, name = profile->name, repo = std::move(*repo)](Result<void> removed) mutable {
            if (!removed) {
                ctx.finish(ctx.report(removed.error()));
                return;
            }
            if (auto ok = repo.remove(name); !ok) {
                ctx.finish(ctx.report(ok.error()));
                return;
            }
            ctx.out() << Text::tr("Removed profile %1.").arg(name) << Qt::endl;
            ctx.finish(CliContext::ExitOk);
        });
    return CliContext::Pending;
}

int run(CliContext& ctx)
{
    const QString sub = ctx.arguments().value(1);
    if (sub == QLatin1String("add")) {
        return add(ctx);
    }
    if (sub == QLatin1String("list")) {
        return list(ctx);
    }
    if (sub == QLatin1String("remove")) {
        return remove(ctx);
    }
    return ctx.usage(Text::tr("profile takes add, list or remove."));
}

const CliRegistration registration{
    {QStringLiteral("profile"),
     QT_TRANSLATE_NOOP("raysec-cli", "Add, list and remove cluster profiles"), run}};

} // namespace

} // namespace raysec::cli
