#include "GatewayBundlesCli.h"

#include "CliContext.h"

#include "core/common/SafeFile.h"
#include "core/gatewayclient/JobPolicyStore.h"
#include "core/keys/SigningKeyStore.h"

#include <QCoreApplication>

namespace raysec::cli::gatewaybundles {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::gatewaybundles)
};

const QString jobPolicyName = QStringLiteral("job-policy");

void print(CliContext& ctx, const QStringList& written, const WrittenGatewayBundles& bundles)
{
    if (ctx.json()) {
        nlohmann::json files = nlohmann::json::array();
        for (const QString& path : written) {
            files.push_back(path.toStdString());
        }
        ctx.printJson({{"written", files},
                       {"bundles",
                        {{"policy", bundles.policyPath.toStdString()},
                         {"users", bundles.usersPath.isEmpty()
                                       ? nlohmann::json()
                                       : nlohmann::json(bundles.usersPath.toStdString())},
                         {"publicKey", bundles.publicKeyPath.toStdString()},
                         {"signingKeyId", bundles.signingKeyId.toStdString()},
                         {"jobPolicy", bundles.jobPolicySource.toStdString()},
                         {"quotaPolicies", bundles.quotaPolicies},
                         {"userCount", bundles.users}}}});
        return;
    }
    for (const QString& path : written) {
        ctx.out() << Text::tr("Wrote %1").arg(path) << Qt::endl;
    }
    ctx.out() << bundles.summary() << Qt::endl;
}

Result<JobPolicy> readJobPolicyFile(const QString& path)
{
    auto bytes = SafeFile::read(path, 1024 * 1024);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return JobPolicy::parse(*bytes, path);
}

Result<JobPolicyStore> jobPolicyStore(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    if (auto ok = JobPolicyStore::migrate(**db); !ok) {
        return std::unexpected(ok.error());
    }
    return JobPolicyStore(**db);
}

} // namespace

QCommandLineOption jobPolicyOption()
{
    return {jobPolicyName,
            Text::tr("Job policy for the gateway (raysec-job-policy file; default: the one "
                     "saved with gateway job-policy set, else Raysec's recommended policy)."),
            Text::tr("file")};
}

Result<GatewayBundleSources> sources(CliContext& ctx, const QCommandLineParser& parser)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    if (!parser.isSet(jobPolicyName)) {
        return GatewayBundleWriter::collect(**db);
    }
    const QString path = parser.value(jobPolicyName);
    auto parsed = readJobPolicyFile(path);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    return GatewayBundleWriter::collect(**db, std::move(*parsed),
                                        Text::tr("the job policy in %1").arg(path));
}

int jobPolicy(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Shows, sets or resets the job policy that gateway bundles, gateway config "
                 "--bundles and the hardening wizard sign into the gateway's policy bundle. "
                 "Until one is set, that is Raysec's recommended policy."));
    parser.addPositionalArgument(QStringLiteral("job-policy"),
                                 Text::tr("show, set FILE (a raysec-job-policy file) or reset."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(1);
    auto store = jobPolicyStore(ctx);
    if (!store) {
        return ctx.report(store.error());
    }
    if (action == QLatin1String("show") && args.size() == 2) {
        auto chosen = store->forBundles();
        if (!chosen) {
            return ctx.report(chosen.error());
        }
        if (ctx.json()) {
            ctx.printJson(
                {{"source", chosen->second.toStdString()}, {"policy", chosen->first.toJson()}});
        } else {
            ctx.err() << Text::tr("The gateway's bundles carry %1:").arg(chosen->second)
                      << Qt::endl;
            ctx.out() << QString::fromStdString(chosen->first.toJson().dump(2)) << Qt::endl;
        }
        return CliContext::ExitOk;
    }
    if (action == QLatin1String("set") && args.size() == 3) {
        auto parsed = readJobPolicyFile(args.at(2));
        if (!parsed) {
            return ctx.report(parsed.error());
        }
        if (auto ok = store->save(*parsed); !ok) {
            return ctx.report(ok.error());
        }
        ctx.out() << Text::tr("Saved the job policy from %1. Sign the bundles again (raysec-cli "
                              "gateway bundles) and reload the gateway for it to apply.")
                         .arg(args.at(2))
                  << Qt::endl;
        return CliContext::ExitOk;
    }
    if (action == QLatin1String("reset") && args.size() == 2) {
        if (auto ok = store->reset(); !ok) {
            return ctx.report(ok.error());
        }
        ctx.out() << Text::tr("The gateway's bundles carry Raysec's recommended job policy again "
                              "once they are signed anew.")
                  << Qt::endl;
        return CliContext::ExitOk;
    }
    return ctx.usage(Text::tr("gateway job-policy takes show, set FILE or reset."));
}

void publish(CliContext& ctx, GatewayBundleSources sources, GatewayBundleFiles files,
             std::function<Result<QStringList>()> beforeWrite)
{
    auto* signing = new SigningKeyStore(ctx.keychain(),
                                        QString::fromLatin1(SigningKeyStore::DefaultService), &ctx);
    if (auto ok = GatewayBundleWriter::checkFolder(files, !sources.users.isEmpty()); !ok) {
        ctx.finish(ctx.report(ok.error()));
        return;
    }
    signing->loadExisting(&ctx, [&ctx, sources = std::move(sources), files = std::move(files),
                                 beforeWrite](Result<MinisignKeyPair> key) {
        if (!key) {
            ctx.finish(ctx.report(GatewayBundleWriter::signingKeyError(key.error())));
            return;
        }
        auto first = beforeWrite ? beforeWrite() : Result<QStringList>(QStringList());
        auto written = first ? GatewayBundleWriter::write(sources, *key, files,
                                                          QDateTime::currentDateTimeUtc())
                             : Result<WrittenGatewayBundles>(std::unexpected(first.error()));
        if (!written) {
            ctx.finish(ctx.report(written.error()));
            return;
        }
        print(ctx, *first + written->files(), *written);
        ctx.finish(CliContext::ExitOk);
    });
}

int run(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Signs the gateway's policy bundle (policy.json: the job policy and the quota "
                 "policies saved in the console) and, when dashboard users exist, the user store "
                 "(users.json) with the workstation's signing key, and writes them with their "
                 ".minisig files and the public key (raysec-registry.pub) into a folder."));
    parser.addPositionalArgument(QStringLiteral("bundles"), Text::tr("Write the signed bundles."));
    parser.addOptions({
        {QStringLiteral("out"), Text::tr("Folder to write into."), Text::tr("folder")},
        jobPolicyOption(),
        {QStringLiteral("replace"), Text::tr("Replace files that exist already.")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        return ctx.usage(Text::tr("gateway bundles needs --out FOLDER."));
    }
    auto collected = sources(ctx, parser);
    if (!collected) {
        return ctx.report(collected.error());
    }
    GatewayBundleFiles files;
    files.folder = parser.value(QStringLiteral("out"));
    files.replace = parser.isSet(QStringLiteral("replace"));
    publish(ctx, std::move(*collected), std::move(files), {});
    return CliContext::Pending;
}

} // namespace raysec::cli::gatewaybundles
