// raysec-cli gateway config|bundles|job-policy|status|metrics: writes raysec-gateway's
// configuration and signed bundles, keeps the job policy they carry, and reads its loopback
// admin listener.

#include "CliCommand.h"
#include "CliContext.h"
#include "GatewayBundlesCli.h"

#include "core/gatewayclient/GatewayConfigWriter.h"
#include "core/gatewayclient/GatewayMetrics.h"
#include "core/gatewayclient/GatewayStatus.h"

#include <QFileInfo>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::GatewayCommand)
};

std::string utf8(const QString& text)
{
    return text.toStdString();
}

QString number(double value)
{
    return QLocale().toString(value, 'f', 2);
}

QString milliseconds(const std::optional<double>& seconds)
{
    return seconds ? Text::tr("%1 ms").arg(QLocale().toString(*seconds * 1000, 'f', 1))
                   : Text::tr("n/a");
}

QString keyName(const QString& key)
{
    return key.isEmpty() ? Text::tr("(no key)") : key;
}

// Options that map one to one onto string fields of gateway.json.
struct PathOption
{
    const char* option;
    const char* help;
    QString GatewayConfig::*field;
};

const PathOption pathOptions[] = {
    {"listen", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Address to serve, host:port."),
     &GatewayConfig::listen},
    {"certificate", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "TLS certificate chain."),
     &GatewayConfig::certificate},
    {"key", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "TLS private key."),
     &GatewayConfig::key},
    {"client-ca", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "CA for client certificates."),
     &GatewayConfig::clientCa},
    {"upstream", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Ray dashboard on loopback."),
     &GatewayConfig::upstream},
    {"upstream-token-file",
     QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "File with Ray's token, on the gateway."),
     &GatewayConfig::upstreamTokenFile},
    {"admin", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Loopback metrics listener."),
     &GatewayConfig::admin},
    {"public-key", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Console's minisign key."),
     &GatewayConfig::publicKey},
    {"key-registry", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Signed key registry."),
     &GatewayConfig::keyRegistry},
    {"user-store", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Signed user store."),
     &GatewayConfig::userStore},
    {"policy", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Signed gateway policy."),
     &GatewayConfig::policy},
    {"audit-log", QT_TRANSLATE_NOOP("raysec::cli::GatewayCommand", "Audit log file."),
     &GatewayConfig::auditLog},
};

Result<GatewayConfig> configFrom(const QCommandLineParser& parser)
{
    GatewayConfig config;
    config.rateLimits = GatewayConfig::defaultRateLimits();
    for (const PathOption& option : pathOptions) {
        const QString name = QString::fromLatin1(option.option);
        if (parser.isSet(name)) {
            config.*option.field = parser.value(name);
        }
    }
    config.plainHttp = parser.isSet(QStringLiteral("plain-http"));
    config.requireClientCertificate = parser.isSet(QStringLiteral("require-client-certificate"));
    config.rateLimits.shadow = parser.isSet(QStringLiteral("shadow"));
    if (parser.isSet(QStringLiteral("per-address"))) {
        auto bucket = GatewayConfig::parseBucket(parser.value(QStringLiteral("per-address")));
        if (!bucket) {
            return std::unexpected(bucket.error());
        }
        config.rateLimits.perAddress = *bucket;
    }
    for (const QString& spec : parser.values(QStringLiteral("tier"))) {
        if (auto ok = config.setTier(spec); !ok) {
            return std::unexpected(ok.error());
        }
    }
    return config;
}

void printWritten(CliContext& ctx, const QStringList& written)
{
    if (ctx.json()) {
        nlohmann::json files = nlohmann::json::array();
        for (const QString& path : written) {
            files.push_back(utf8(path));
        }
        ctx.printJson({{"written", files}});
        return;
    }
    for (const QString& path : written) {
        ctx.out() << Text::tr("Wrote %1").arg(path) << Qt::endl;
    }
    ctx.out() << Text::tr("Fill in policy.json.example, then sign it as the policy bundle, or run "
                          "again with --bundles to have the console sign it.")
              << Qt::endl;
}

// --bundles: gateway.json and, signed, the bundles it names, with the file names it gives them.
int writeConfigAndBundles(CliContext& ctx, const QCommandLineParser& parser,
                          const GatewayConfig& config)
{
    if (config.policy.isEmpty()) {
        return ctx.usage(Text::tr("--bundles needs --policy, the path of the policy bundle on the "
                                  "gateway (and --user-store for the users)."));
    }
    const QString folder = parser.value(QStringLiteral("out"));
    const bool replace = parser.isSet(QStringLiteral("replace"));
    if (auto ok = GatewayConfigWriter::check(config, folder, replace,
                                             GatewayConfigWriter::Policy::Signed);
        !ok) {
        return ctx.report(ok.error());
    }
    auto sources = gatewaybundles::sources(ctx, parser);
    if (!sources) {
        return ctx.report(sources.error());
    }
    if (config.userStore.isEmpty()) {
        sources->users.clear(); // the gateway would not read them
    }
    GatewayBundleFiles files;
    files.folder = folder;
    files.policy = QFileInfo(config.policy).fileName();
    files.users = QFileInfo(config.userStore).fileName();
    files.publicKey = QFileInfo(config.publicKey).fileName();
    files.replace = replace;
    gatewaybundles::publish(ctx, std::move(*sources), std::move(files), [config, folder, replace] {
        return GatewayConfigWriter::write(config, folder, replace,
                                          GatewayConfigWriter::Policy::Signed);
    });
    return CliContext::Pending;
}

int writeConfig(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Writes gateway.json and a policy skeleton (policy.json.example) into a folder, or "
        "with --bundles gateway.json and the bundles it names, signed with the "
        "workstation's signing key: the policy (job policy and saved quota policies) and "
        "the dashboard users. Every field is checked as the gateway checks it; nothing is "
        "written on error."));
    parser.addPositionalArgument(QStringLiteral("config"), Text::tr("Write the configuration."));
    for (const PathOption& option : pathOptions) {
        parser.addOption(
            {QString::fromLatin1(option.option), Text::tr(option.help), Text::tr("value")});
    }
    parser.addOptions({
        {QStringLiteral("out"), Text::tr("Folder to write into."), Text::tr("folder")},
        {QStringLiteral("plain-http"), Text::tr("Serve without TLS (loopback listen only).")},
        {QStringLiteral("require-client-certificate"), Text::tr("Require client certificates.")},
        {QStringLiteral("shadow"), Text::tr("Only count would-be rate-limit refusals.")},
        {QStringLiteral("per-address"), Text::tr("Bucket per client address, RATE/BURST."),
         Text::tr("bucket")},
        {QStringLiteral("tier"), Text::tr("A tier's bucket, TIER:CLASS=RATE/BURST (repeatable)."),
         Text::tr("spec")},
        {QStringLiteral("replace"), Text::tr("Replace files that exist already.")},
        {QStringLiteral("bundles"),
         Text::tr("Also sign and write the policy and user bundles instead of the skeleton.")},
        gatewaybundles::jobPolicyOption(),
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        return ctx.usage(Text::tr("gateway config needs --out FOLDER."));
    }
    if (parser.isSet(QStringLiteral("job-policy")) && !parser.isSet(QStringLiteral("bundles"))) {
        return ctx.usage(Text::tr("--job-policy goes with --bundles."));
    }
    auto config = configFrom(parser);
    if (!config) {
        return ctx.report(config.error());
    }
    if (parser.isSet(QStringLiteral("bundles"))) {
        return writeConfigAndBundles(ctx, parser, *config);
    }
    auto written = GatewayConfigWriter::write(*config, parser.value(QStringLiteral("out")),
                                              parser.isSet(QStringLiteral("replace")));
    if (!written) {
        return ctx.report(written.error());
    }
    printWritten(ctx, *written);
    return CliContext::ExitOk;
}

// Parses --admin and --timeout shared by status and metrics.
bool adminOptions(CliContext& ctx, QCommandLineParser& parser, const QString& description,
                  QList<QCommandLineOption> extra, int* code)
{
    parser.setApplicationDescription(description);
    parser.addOptions(
        {{QStringLiteral("admin"), Text::tr("The gateway's admin address (loopback)."),
          Text::tr("host:port"), QStringLiteral("127.0.0.1:9464")},
         {QStringLiteral("timeout"), Text::tr("Seconds to wait for each answer."),
          Text::tr("seconds"), QStringLiteral("5")}});
    parser.addOptions(extra);
    return ctx.parse(parser, code);
}

GatewayStatus* statusFetcher(CliContext& ctx, const QCommandLineParser& parser)
{
    auto* status = new GatewayStatus(&ctx);
    const int timeout = parser.value(QStringLiteral("timeout")).toInt();
    status->setTimeout(std::chrono::seconds(std::clamp(timeout, 1, 300)));
    QObject::connect(status, &GatewayStatus::failed, &ctx,
                     [&ctx](const Error& error) { ctx.finish(ctx.report(error)); });
    return status;
}

void printStatus(CliContext& ctx, const GatewayStatusReport& report)
{
    if (ctx.json()) {
        nlohmann::json bundles = nlohmann::json::object();
        for (const auto& [bundle, version] : report.bundleVersions) {
            bundles[utf8(bundle)] = version;
        }
        ctx.printJson({{"admin", utf8(report.admin.toString())},
                       {"healthy", report.healthy},
                       {"health", utf8(report.health)},
                       {"connections", report.connections},
                       {"bundles", bundles}});
        return;
    }
    ctx.out() << Text::tr("Gateway:     %1").arg(report.admin.toString()) << Qt::endl;
    ctx.out() << Text::tr("Health:      %1 (%2)")
                     .arg(report.healthy ? Text::tr("healthy") : Text::tr("NOT healthy"),
                          report.health)
              << Qt::endl;
    ctx.out() << Text::tr("Connections: %1").arg(report.connections) << Qt::endl;
    for (const auto& [bundle, version] : report.bundleVersions) {
        ctx.out() << Text::tr("Bundle:      %1 version %2").arg(bundle).arg(version) << Qt::endl;
    }
}

int status(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("status"), Text::tr("Show health and bundles."));
    int code = 0;
    if (!adminOptions(
            ctx, parser,
            Text::tr("Asks the gateway's admin listener for its health and the versions of "
                     "its signed bundles. Exits with 1 when it is not healthy."),
            {}, &code)) {
        return code;
    }
    GatewayStatus* fetcher = statusFetcher(ctx, parser);
    QObject::connect(fetcher, &GatewayStatus::fetched, &ctx,
                     [&ctx](const GatewayStatusReport& report) {
                         printStatus(ctx, report);
                         ctx.finish(report.healthy ? CliContext::ExitOk : CliContext::ExitFailure);
                     });
    if (auto started = fetcher->fetch(parser.value(QStringLiteral("admin"))); !started) {
        return ctx.report(started.error());
    }
    return CliContext::Pending;
}

nlohmann::json ratesJson(const GatewayRates& rates)
{
    auto map = [](const std::map<QString, double>& values) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [name, value] : values) {
            out[utf8(name)] = value;
        }
        return out;
    };
    auto optional = [](const std::optional<double>& value) {
        return value ? nlohmann::json(*value) : nlohmann::json();
    };
    auto latencyJson = [&](const GatewayLatency& latency) {
        return nlohmann::json{{"p50", optional(latency.p50)},
                              {"p95", optional(latency.p95)},
                              {"p99", optional(latency.p99)}};
    };
    nlohmann::json routes = nlohmann::json::object();
    for (const auto& [route, r] : rates.routes) {
        routes[utf8(route)] = {{"requestsPerSecond", r.requestsPerSecond},
                               {"tooManyPerSecond", r.tooManyPerSecond},
                               {"latencySeconds", latencyJson(r.latency)}};
    }
    nlohmann::json talkers = nlohmann::json::array();
    for (const GatewayTalker& talker : rates.topTalkers) {
        talkers.push_back({{"key", utf8(talker.key)},
                           {"requestsPerSecond", talker.requestsPerSecond},
                           {"tooManyPerSecond", talker.tooManyPerSecond},
                           {"latencySeconds", latencyJson(talker.latency)}});
    }
    return {{"seconds", rates.seconds},
            {"requestsPerSecond", rates.requestsPerSecond},
            {"tooManyPerSecond", rates.tooManyPerSecond},
            {"shadowLimitedPerSecond", rates.shadowLimitedPerSecond},
            {"perKey", map(rates.requestsPerKey)},
            {"perRoute", routes},
            {"tooManyPerKey", map(rates.tooManyPerKey)},
            {"latencySeconds",
             {{"p50", optional(rates.p50)},
              {"p95", optional(rates.p95)},
              {"p99", optional(rates.p99)}}},
            {"topTalkers", talkers}};
}

void printRates(CliContext& ctx, const GatewayRates& rates)
{
    if (ctx.json()) {
        ctx.printJson(ratesJson(rates));
        return;
    }
    QTextStream& out = ctx.out();
    out << Text::tr("Over %1 s: %2 requests/s, %3 refused with 429/s, %4 shadow refusals/s")
               .arg(number(rates.seconds), number(rates.requestsPerSecond),
                    number(rates.tooManyPerSecond), number(rates.shadowLimitedPerSecond))
        << Qt::endl;
    out << Text::tr("Latency: p50 %1, p95 %2, p99 %3")
               .arg(milliseconds(rates.p50), milliseconds(rates.p95), milliseconds(rates.p99))
        << Qt::endl;
    out << Text::tr("Per route (requests/s, 429/s, p99):") << Qt::endl;
    for (const auto& [route, r] : rates.routes) {
        out << QStringLiteral("  %1 %2 %3 %4")
                   .arg(route.leftJustified(16), number(r.requestsPerSecond),
                        number(r.tooManyPerSecond), milliseconds(r.latency.p99))
            << Qt::endl;
    }
    out << Text::tr("Top keys (requests/s, 429/s, p99):") << Qt::endl;
    for (const GatewayTalker& talker : rates.topTalkers) {
        out << QStringLiteral("  %1 %2 %3 %4")
                   .arg(keyName(talker.key).leftJustified(24), number(talker.requestsPerSecond),
                        number(talker.tooManyPerSecond), milliseconds(talker.latency.p99))
            << Qt::endl;
    }
}

int metrics(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("metrics"), Text::tr("Show rates."));
    int code = 0;
    const QList<QCommandLineOption> extra = {
        {QStringLiteral("interval"), Text::tr("Seconds between the two scrapes (default 5)."),
         Text::tr("seconds"), QStringLiteral("5")},
        {QStringLiteral("top"), Text::tr("How many keys to list (default 10)."), Text::tr("count"),
         QStringLiteral("10")}};
    if (!adminOptions(
            ctx, parser,
            Text::tr("Scrapes the gateway's metrics twice and prints requests and 429s per "
                     "second by key and route, latency percentiles and the busiest keys."),
            extra, &code)) {
        return code;
    }
    bool numeric = false;
    const int interval = parser.value(QStringLiteral("interval")).toInt(&numeric);
    const int top = parser.value(QStringLiteral("top")).toInt();
    if (!numeric || interval < 1 || interval > 3600 || top < 1) {
        return ctx.usage(
            Text::tr("--interval takes 1 to 3600 seconds and --top a positive count."));
    }
    GatewayStatus* fetcher = statusFetcher(ctx, parser);
    auto first = std::make_shared<std::optional<PrometheusScrape>>();
    const QString admin = parser.value(QStringLiteral("admin"));
    QObject::connect(
        fetcher, &GatewayStatus::fetched, &ctx,
        [&ctx, fetcher, first, admin, interval, top](const GatewayStatusReport& report) {
            if (!first->has_value()) {
                *first = report.metrics;
                QTimer::singleShot(std::chrono::seconds(interval), fetcher,
                                   [fetcher, admin] { (void)fetcher->fetch(admin); });
                return;
            }
            auto rates = GatewayMetrics::rates(**first, report.metrics, std::size_t(top));
            if (!rates) {
                ctx.finish(ctx.report(rates.error()));
                return;
            }
            printRates(ctx, *rates);
            ctx.finish(CliContext::ExitOk);
        });
    if (auto started = fetcher->fetch(admin); !started) {
        return ctx.report(started.error());
    }
    return CliContext::Pending;
}

int run(CliContext& ctx)
{
    const QString sub = ctx.arguments().value(1);
    if (sub == QLatin1String("config")) {
        return writeConfig(ctx);
    }
    if (sub == QLatin1String("bundles")) {
        return gatewaybundles::run(ctx);
    }
    if (sub == QLatin1String("job-policy")) {
        return gatewaybundles::jobPolicy(ctx);
    }
    if (sub == QLatin1String("status")) {
        return status(ctx);
    }
    if (sub == QLatin1String("metrics")) {
        return metrics(ctx);
    }
    return ctx.usage(Text::tr("gateway takes config, bundles, job-policy, status or metrics."));
}

const CliRegistration registration{
    {QStringLiteral("gateway"),
     QT_TRANSLATE_NOOP("raysec-cli",
                       "Write the gateway's configuration and signed bundles, read its metrics"),
     run}};

} // namespace

} // namespace raysec::cli
