// raysec-cli quotas show|set|usage|what-if: quota policies, live usage and admission answers.

#include "CliCommand.h"
#include "CliContext.h"

#include "core/cluster/RayClient.h"
#include "core/quotas/ProfileConnector.h"
#include "core/quotas/QuotaRepository.h"
#include "core/quotas/UsageAggregator.h"
#include "core/quotas/UsageEngine.h"
#include "core/quotas/UsageFiles.h"
#include "core/quotas/UsageJson.h"
#include "core/quotas/WhatIf.h"
#include "core/store/Database.h"
#include "core/store/ProfileRepository.h"

#include <QFile>
#include <QTimer>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::QuotasCommand)
};

Result<QuotaConfig> loadConfig(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    if (auto ok = QuotaRepository::migrate(**db); !ok) {
        return std::unexpected(ok.error());
    }
    return QuotaRepository(**db).load();
}

Result<QByteArray> readInput(const QString& path)
{
    QFile file(path);
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : file.open(QIODevice::ReadOnly);
    if (!opened) {
        return fail(QStringLiteral("cli.read"), Text::tr("Cannot read %1.").arg(path),
                    Text::tr("Check the file name."));
    }
    return file.read(4 * 1024 * 1024);
}

void printLimits(QTextStream& out, const QString& level, const QuotaLimits& limits)
{
    for (const QString& metric : limits.metrics()) {
        out << QStringLiteral("    %1 %2 = %3").arg(level, metric).arg(*limits.limit(metric))
            << Qt::endl;
    }
}

int show(CliContext& ctx, QCommandLineParser& parser)
{
    auto config = loadConfig(ctx);
    if (!config) {
        return ctx.report(config.error());
    }
    if (ctx.json()) {
        ctx.printJson(nlohmann::json::parse(config->toJson().toStdString()));
        return CliContext::ExitOk;
    }
    for (const QuotaPolicy& policy : config->policies) {
        ctx.out() << policy.subjectId() << Qt::endl;
        printLimits(ctx.out(), Text::tr("soft"), policy.soft);
        printLimits(ctx.out(), Text::tr("hard"), policy.hard);
    }
    ctx.out() << Text::tr("Team metadata key: %1; key id metadata key: %2; %3 mapping rules.")
                     .arg(config->teamMetadataKey, config->keyMetadataKey)
                     .arg(config->rules.size())
              << Qt::endl;
    return CliContext::ExitOk;
}

int set(CliContext& ctx, QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    auto config = loadConfig(ctx);
    if (!config) {
        return ctx.report(config.error());
    }
    if (parser.isSet(QStringLiteral("file"))) {
        auto bytes = readInput(parser.value(QStringLiteral("file")));
        if (!bytes) {
            return ctx.report(bytes.error());
        }
        auto parsed = QuotaConfig::fromJson(*bytes);
        if (!parsed) {
            return ctx.report(parsed.error());
        }
        config = std::move(*parsed);
    } else if (args.size() == 3 &&
               (args.at(1) == QLatin1String("team") || args.at(1) == QLatin1String("key"))) {
        QuotaPolicy policy;
        policy.subject =
            args.at(1) == QLatin1String("team") ? QuotaSubject::Team : QuotaSubject::Key;
        policy.name = args.at(2);
        QString error;
        policy.soft = UsageJson::parseLimits(parser.value(QStringLiteral("soft")), &error);
        if (error.isEmpty()) {
            policy.hard = UsageJson::parseLimits(parser.value(QStringLiteral("hard")), &error);
        }
        if (!error.isEmpty()) {
            return ctx.usage(error);
        }
        config->upsert(policy);
    } else {
        return ctx.usage(
            Text::tr("quotas set needs --file FILE, or team|key NAME with --soft/--hard."));
    }
    auto db = ctx.store();
    if (auto ok = QuotaRepository(**db).save(*config); !ok) {
        return ctx.report(ok.error());
    }
    ctx.out() << Text::tr("Saved %1 quota policies.").arg(config->policies.size()) << Qt::endl;
    return CliContext::ExitOk;
}

void printReport(CliContext& ctx, const UsageReport& report, const QuotaConfig& config)
{
    if (ctx.json()) {
        ctx.printJson(UsageJson::report(report, config));
        return;
    }
    for (const SubjectUsage& team : report.teams) {
        const QuotaPolicy* policy = config.find(QuotaSubject::Team, team.name);
        ctx.out() << Text::tr("team %1: CPU %2, GPU %3, memory %4 GiB, %5 active jobs")
                         .arg(team.name)
                         .arg(team.used.cpu)
                         .arg(team.used.gpu)
                         .arg(team.used.memory / (1024.0 * 1024 * 1024), 0, 'f', 2)
                         .arg(team.activeJobs);
        if (policy != nullptr && policy->hard.cpu) {
            ctx.out() << Text::tr(" (hard CPU %1)").arg(*policy->hard.cpu);
        }
        ctx.out() << Qt::endl;
    }
    ctx.out() << Text::tr("cluster: CPU %1, GPU %2 in use")
                     .arg(report.clusterUsed.cpu)
                     .arg(report.clusterUsed.gpu)
              << Qt::endl;
    for (const QString& note : report.notes) {
        ctx.out() << Text::tr("Note: %1").arg(note) << Qt::endl;
    }
}

using ReportReady = std::function<int(const UsageReport&, const QuotaConfig&)>;

int withUsage(CliContext& ctx, QCommandLineParser& parser, ReportReady ready)
{
    auto config = loadConfig(ctx);
    if (!config) {
        return ctx.report(config.error());
    }
    if (parser.isSet(QStringLiteral("from-dir"))) {
        auto input = UsageFiles::load(parser.value(QStringLiteral("from-dir")));
        if (!input) {
            return ctx.report(input.error());
        }
        return ready(UsageAggregator::aggregate(*input, *config, QDateTime::currentDateTimeUtc()),
                     *config);
    }
    if (!parser.isSet(QStringLiteral("profile"))) {
        return ctx.usage(Text::tr("Give --profile NAME or --from-dir FOLDER."));
    }
    ProfileRepository repo(**ctx.store());
    if (auto ok = repo.migrate(); !ok) {
        return ctx.report(ok.error());
    }
    auto profile = repo.find(parser.value(QStringLiteral("profile")));
    if (!profile) {
        return ctx.report(profile.error());
    }
    ProfileConnector::open(
        *profile, ctx.keychain(), &ctx,
        [&ctx, config = *config, ready](Result<std::unique_ptr<RayClient>> c) {
            if (!c) {
                ctx.finish(ctx.report(c.error()));
                return;
            }
            RayClient* client = c->release();
            client->setParent(&ctx);
            auto* engine = new UsageEngine(StateSource::fromRayClient(*client), &ctx);
            engine->setConfig(config);
            QObject::connect(engine, &UsageEngine::reportReady, &ctx,
                             [&ctx, engine, config, ready](const UsageReport& r) {
                                 engine->stop();
                                 ctx.finish(ready(r, config));
                             });
            QObject::connect(engine, &UsageEngine::failed, &ctx, [&ctx, engine](const Error& e) {
                engine->stop();
                ctx.finish(ctx.report(e));
            });
            engine->start();
        });
    return CliContext::Pending;
}

int whatIf(CliContext& ctx, QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2) {
        return ctx.usage(
            Text::tr("quotas what-if needs one submission file (JSON of POST /api/jobs/, "
                     "or - for standard input)."));
    }
    auto bytes = readInput(args.at(1));
    if (!bytes) {
        return ctx.report(bytes.error());
    }
    auto submission = JobSubmission::fromJson(*bytes);
    if (!submission) {
        return ctx.report(submission.error());
    }
    return withUsage(
        ctx, parser, [&ctx, job = *submission](const UsageReport& r, const QuotaConfig& config) {
            const WhatIfAnswer answer = WhatIf::evaluate(job, r, config);
            if (ctx.json()) {
                ctx.printJson(UsageJson::whatIf(answer));
            } else {
                ctx.out() << (answer.fits ? Text::tr("Fits (team %1).")
                                          : Text::tr("Does not fit (team %1):"))
                                 .arg(answer.team)
                          << Qt::endl;
                for (const WhatIfReason& reason : answer.reasons + answer.softWarnings) {
                    ctx.out() << QStringLiteral("  ") << reason.text << Qt::endl;
                }
            }
            return answer.fits ? int(CliContext::ExitOk) : int(CliContext::ExitFailure);
        });
}

int run(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Quota policies per team and key, live usage against "
                                              "them, and whether a job submission would fit."));
    parser.addPositionalArgument(QStringLiteral("action"),
                                 Text::tr("show, set, usage or what-if."));
    parser.addOptions({
        {QStringLiteral("file"), Text::tr("set: the whole quota configuration (JSON)."),
         Text::tr("file")},
        {QStringLiteral("soft"), Text::tr("set: soft limits, e.g. CPU=8,GPU=2."),
         Text::tr("limits")},
        {QStringLiteral("hard"), Text::tr("set: hard limits, e.g. CPU=10,jobs=3."),
         Text::tr("limits")},
        {QStringLiteral("profile"), Text::tr("usage/what-if: read the cluster of this profile."),
         Text::tr("name")},
        {QStringLiteral("from-dir"), Text::tr("usage/what-if: read saved dashboard answers."),
         Text::tr("folder")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QString action = parser.positionalArguments().value(0);
    if (action == QLatin1String("show")) {
        return show(ctx, parser);
    }
    if (action == QLatin1String("set")) {
        return set(ctx, parser);
    }
    if (action == QLatin1String("usage")) {
        return withUsage(ctx, parser, [&ctx](const UsageReport& r, const QuotaConfig& c) {
            printReport(ctx, r, c);
            return int(CliContext::ExitOk);
        });
    }
    if (action == QLatin1String("what-if")) {
        return whatIf(ctx, parser);
    }
    return ctx.usage(Text::tr("quotas takes show, set, usage or what-if."));
}

const CliRegistration registration{
    {QStringLiteral("quotas"),
     QT_TRANSLATE_NOOP("raysec-cli", "Show and set quotas, see usage, ask whether a job fits"),
     run}};

} // namespace

} // namespace raysec::cli
