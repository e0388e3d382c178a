// raysec-cli token generate|export|steps: Ray's own cluster token, kept in the keychain per
// profile and exported for the cluster. The logic lives in core/keys.

#include "CliCommand.h"
#include "CliContext.h"

#include "core/common/SafeFile.h"
#include "core/keys/KeyManager.h"
#include "core/keys/RayClusterToken.h"
#include "core/keys/RayTokenVault.h"
#include "core/store/Database.h"
#include "core/store/ProfileRepository.h"

#include <QFileInfo>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::TokenCommand)
};

// The profile must exist; returns the audit-writing key manager.
Result<std::shared_ptr<KeyManager>> prepare(CliContext& ctx, const QString& profile)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    ProfileRepository profiles(**db);
    if (auto ok = profiles.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto found = profiles.find(profile); !found) {
        return std::unexpected(found.error());
    }
    auto keys = std::make_shared<KeyManager>(**db);
    if (auto ok = keys->migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return keys;
}

void printSteps(CliContext& ctx, const QString& profile, const QString& tokenPath)
{
    int n = 0;
    for (const QString& step : RayClusterToken::rotationSteps(profile, tokenPath)) {
        ctx.out() << ++n << ". " << step << Qt::endl;
    }
}

int generate(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Generates a Ray cluster token (64 hex characters, as "
                 "Ray does) and keeps it in the keychain for a profile."));
    parser.addPositionalArgument(QStringLiteral("generate"), Text::tr("Generate a token."));
    parser.addPositionalArgument(QStringLiteral("profile"), Text::tr("Cluster profile."));
    parser.addOption(
        {QStringLiteral("replace"), Text::tr("Replace the profile's existing token.")});
    int code = 0;
    if (!ctx.parse(parser, &code) || code != 0) {
        return code;
    }
    if (parser.positionalArguments().size() != 2) {
        return ctx.usage(Text::tr("token generate needs one profile name."));
    }
    const QString profile = parser.positionalArguments().at(1);
    const bool replace = parser.isSet(QStringLiteral("replace"));
    auto keys = prepare(ctx, profile);
    if (!keys) {
        return ctx.report(keys.error());
    }
    auto* vault = new RayTokenVault(ctx.keychain(), &ctx);
    vault->generate(
        profile, replace, &ctx, [&ctx, profile, replace, keys = *keys](Result<void> ok) {
            if (ok) {
                ok =
                    keys->record(QStringLiteral("token-generate"), QStringLiteral("ray:") + profile,
                                 replace ? Text::tr("replaced") : Text::tr("created"),
                                 QDateTime::currentDateTimeUtc());
            }
            if (!ok) {
                ctx.finish(ctx.report(ok.error()));
                return;
            }
            ctx.out()
                << Text::tr("Stored a new Ray token for profile %1 in the keychain.").arg(profile)
                << Qt::endl;
            if (replace) {
                printSteps(ctx, profile, QStringLiteral("<token file>"));
            }
            ctx.finish(CliContext::ExitOk);
        });
    return CliContext::Pending;
}

Result<void> writeExports(const QCommandLineParser& parser, const SecretBuffer& token)
{
    const QString tokenPath = parser.value(QStringLiteral("token-file"));
    if (!tokenPath.isEmpty()) {
        if (auto ok = SafeFile::write(tokenPath, token.view(), SafeFile::Mode::OwnerOnly); !ok) {
            return ok;
        }
    }
    if (parser.isSet(QStringLiteral("env-file"))) {
        const QString absolute = QFileInfo(tokenPath).absoluteFilePath();
        if (auto ok = SafeFile::write(parser.value(QStringLiteral("env-file")),
                                      RayClusterToken::envFile(absolute));
            !ok) {
            return ok;
        }
    }
    if (!parser.isSet(QStringLiteral("kubernetes"))) {
        return {};
    }
    auto manifest = RayClusterToken::kubernetesSecret(token, parser.value(QStringLiteral("name")),
                                                      parser.value(QStringLiteral("namespace")));
    if (!manifest) {
        return std::unexpected(manifest.error());
    }
    return SafeFile::write(parser.value(QStringLiteral("kubernetes")), manifest->view(),
                           SafeFile::Mode::OwnerOnly);
}

void addExportOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(Text::tr(
        "Exports a profile's Ray token: the token file (0600) with an env file setting "
        "RAY_AUTH_MODE=token and RAY_AUTH_TOKEN_PATH, and/or a Kubernetes Secret (0600)."));
    parser.addPositionalArgument(QStringLiteral("export"), Text::tr("Export the token."));
    parser.addPositionalArgument(QStringLiteral("profile"), Text::tr("Cluster profile."));
    parser.addOptions({
        {QStringLiteral("token-file"), Text::tr("Token file to write."), Text::tr("file")},
        {QStringLiteral("env-file"), Text::tr("Env file to write (needs --token-file)."),
         Text::tr("file")},
        {QStringLiteral("kubernetes"), Text::tr("Kubernetes Secret manifest to write."),
         Text::tr("file")},
        {QStringLiteral("name"), Text::tr("Secret name."), Text::tr("name"),
         QStringLiteral("ray-auth-token")},
        {QStringLiteral("namespace"), Text::tr("Secret namespace."), Text::tr("ns"),
         QStringLiteral("default")},
    });
}

int exportToken(CliContext& ctx)
{
    // Shared, because the options are read again once the keychain answers.
    auto parser = std::make_shared<QCommandLineParser>();
    addExportOptions(*parser);
    int code = 0;
    if (!ctx.parse(*parser, &code) || code != 0) {
        return code;
    }
    const bool env = parser->isSet(QStringLiteral("env-file"));
    const bool file = parser->isSet(QStringLiteral("token-file"));
    if (parser->positionalArguments().size() != 2 || (env && !file) ||
        (!file && !parser->isSet(QStringLiteral("kubernetes")))) {
        return ctx.usage(Text::tr("token export needs a profile and --token-file [--env-file] or "
                                  "--kubernetes."));
    }
    const QString profile = parser->positionalArguments().at(1);
    auto keys = prepare(ctx, profile);
    if (!keys) {
        return ctx.report(keys.error());
    }
    auto* vault = new RayTokenVault(ctx.keychain(), &ctx);
    vault->load(profile, &ctx, [&ctx, parser, profile, keys = *keys](Result<SecretBuffer> token) {
        Result<void> ok = token ? writeExports(*parser, *token) : std::unexpected(token.error());
        if (ok) {
            ok = keys->record(QStringLiteral("token-export"), QStringLiteral("ray:") + profile,
                              parser->values(QStringLiteral("token-file"))
                                  .join(u' ')
                                  .append(u' ')
                                  .append(parser->value(QStringLiteral("kubernetes"))),
                              QDateTime::currentDateTimeUtc());
        }
        if (!ok) {
            ctx.finish(ctx.report(ok.error()));
            return;
        }
        ctx.out() << Text::tr(
                         "Exported the Ray token of profile %1. Ray reads it only when it starts: "
                         "restart the cluster to apply it.")
                         .arg(profile)
                  << Qt::endl;
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

int steps(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("steps"),
                                 Text::tr("Show how to rotate the token."));
    parser.addPositionalArgument(QStringLiteral("profile"), Text::tr("Cluster profile."));
    int code = 0;
    if (!ctx.parse(parser, &code) || code != 0) {
        return code;
    }
    const QString profile = parser.positionalArguments().value(1, QStringLiteral("<profile>"));
    printSteps(ctx, profile, QStringLiteral("/etc/ray/auth_token"));
    return CliContext::ExitOk;
}

int run(CliContext& ctx)
{
    const QString sub = ctx.arguments().value(1);
    if (sub == QLatin1String("generate")) {
        return generate(ctx);
    }
    if (sub == QLatin1String("export")) {
        return exportToken(ctx);
    }
    if (sub == QLatin1String("steps")) {
        return steps(ctx);
    }
    return ctx.usage(Text::tr("token takes generate, export or steps."));
}

const CliRegistration registration{
    {QStringLiteral("token"),
     QT_TRANSLATE_NOOP("raysec-cli", "Generate and export Ray's own cluster token"), run}};

} // namespace

} // namespace raysec::cli
