// raysec-cli audit: scan a cluster passively and report (json, sarif, html), suppress or
// unsuppress a finding, list past runs. Exits 3 when an open finding reaches --fail-on.

#include "AuditFixCommand.h"
#include "CliCommand.h"
#include "CliContext.h"

#include "core/audit/AuditHistory.h"
#include "core/audit/AuditReport.h"
#include "core/audit/AuditRunner.h"
#include "core/audit/HtmlReport.h"
#include "core/audit/JsonReport.h"
#include "core/audit/QtProbeTransport.h"
#include "core/audit/RunDiff.h"
#include "core/audit/SarifReport.h"
#include "core/common/SafeFile.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"

namespace raysec::cli {

namespace {

constexpr int ExitFindings = 3;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::AuditCommand)
};

struct AuditData
{
    CheckCatalog catalog;
    AdvisoryDatabase advisories;
};

Result<AuditData> loadData(const QCommandLineParser& parser)
{
    auto catalog = CheckCatalog::builtIn();
    auto advisories = catalog ? AdvisoryDatabase::builtIn() : Result<AdvisoryDatabase>();
    if (!catalog || !advisories) {
        return std::unexpected(!catalog ? catalog.error() : advisories.error());
    }
    if (parser.isSet(QStringLiteral("advisories"))) {
        auto key = SafeFile::read(parser.value(QStringLiteral("advisories-key")), 4096);
        if (!key) {
            return std::unexpected(key.error());
        }
        advisories = AdvisoryDatabase::loadSigned(parser.value(QStringLiteral("advisories")), *key,
                                                  advisories->sequence());
        if (!advisories) {
            return std::unexpected(advisories.error());
        }
    }
    return AuditData{std::move(*catalog), std::move(*advisories)};
}

Result<std::optional<QList<PortSpec>>> parsePorts(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("ports"))) {
        return std::optional<QList<PortSpec>>();
    }
    QList<PortSpec> ports;
    for (const QString& item : parser.value(QStringLiteral("ports")).split(QLatin1Char(','))) {
        bool ok = false;
        const int port = item.trimmed().toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            return fail(QStringLiteral("usage"), Text::tr("--ports takes port numbers separated by "
                                                          "commas, such as 6379,10001."));
        }
        ports.append({quint16(port), Text::tr("port %1").arg(port)});
    }
    return std::optional<QList<PortSpec>>(ports);
}

Result<ClusterProfile> findProfile(CliContext& ctx, const QString& name)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    ProfileRepository profiles(**db);
    if (auto ok = profiles.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return profiles.find(name);
}

Result<AuditHistory> openHistory(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    AuditHistory h(**db);
    if (auto ok = h.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return h;
}

QByteArray render(const AuditReport& report, const QString& format)
{
    if (format == QLatin1String("sarif")) {
        return SarifReport::render(report);
    }
    return format == QLatin1String("html") ? HtmlReport::render(report)
                                           : JsonReport::render(report);
}

struct ScanRequest
{
    QString format;
    QString output;
    std::optional<Severity> failOn;
};

int finishScan(CliContext& ctx, const AuditData& data, const AuditRun& run,
               const ScanRequest& request)
{
    auto h = openHistory(ctx);
    auto recorded = h ? h->record(run) : Result<qint64>(std::unexpected(h.error()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto findings = recorded ? h->findings(run.profile, data.catalog, now)
                             : Result<QList<Finding>>(std::unexpected(recorded.error()));
    if (!findings) {
        return ctx.report(findings.error());
    }
    AuditReport report{&data.catalog, run, *findings, {}, now};
    QStringList suppressed;
    for (const Finding& f : *findings) {
        if (f.status == FindingStatus::Suppressed) {
            suppressed.append(f.checkId);
        }
    }
    report.score = HardeningScore::of(run, data.catalog, suppressed);
    const QByteArray bytes = render(report, request.format);
    if (request.output.isEmpty()) {
        ctx.out() << QString::fromUtf8(bytes);
        ctx.out().flush();
    } else if (auto ok = SafeFile::write(request.output, bytes.toStdString()); !ok) {
        return ctx.report(ok.error());
    }
    if (run.cancelled) {
        ctx.err() << Text::tr("The scan was cancelled; the report is incomplete.") << Qt::endl;
        return CliContext::ExitFailure;
    }
    return request.failOn && report.hasOpenAtLeast(*request.failOn) ? ExitFindings
                                                                    : CliContext::ExitOk;
}

void startScan(CliContext& ctx, std::shared_ptr<AuditData> data, const ClusterProfile& profile,
               std::shared_ptr<const SecretBuffer> token, ProbeSettings settings,
               ScanRequest request)
{
    auto* runner = new AuditRunner(data->catalog, data->advisories, &ctx);
    QObject::connect(
        runner, &AuditRunner::progressed, &ctx, [&ctx](int done, int total, const QString& id) {
            if (!id.isEmpty()) {
                ctx.err() << Text::tr("[%1/%2] %3").arg(done + 1).arg(total).arg(id) << Qt::endl;
            }
        });
    QObject::connect(runner, &AuditRunner::finished, &ctx,
                     [&ctx, data, request](const AuditRun& run) {
                         ctx.finish(finishScan(ctx, *data, run, request));
                     });
    runner->start(
        [profile, token](const std::atomic<bool>& cancelled) {
            return std::make_unique<QtProbeTransport>(profile, token, cancelled);
        },
        std::move(settings));
}

void addScanOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("profile"), Text::tr("Cluster profile to audit."), Text::tr("name")},
        {QStringLiteral("format"), Text::tr("json, sarif or html (default json)."),
         Text::tr("format"), QStringLiteral("json")},
        {QStringLiteral("output"), Text::tr("Write the report to this file instead of stdout."),
         Text::tr("file")},
        {QStringLiteral("fail-on"),
         Text::tr("Exit with 3 when an open finding has this severity or higher "
                  "(note, low, medium, high, critical)."),
         Text::tr("severity")},
        {QStringLiteral("ports"), Text::tr("Ray ports to probe instead of the checks' list."),
         Text::tr("list")},
        {QStringLiteral("advisories"), Text::tr("A newer signed advisory database."),
         Text::tr("file")},
        {QStringLiteral("advisories-key"), Text::tr("minisign public key that signs it."),
         Text::tr("file")},
    });
}

// --format and --fail-on, checked.
Result<ScanRequest> scanRequest(const QCommandLineParser& parser)
{
    ScanRequest request{parser.value(QStringLiteral("format")),
                        parser.value(QStringLiteral("output")), std::nullopt};
    if (!QStringList{QStringLiteral("json"), QStringLiteral("sarif"), QStringLiteral("html")}
             .contains(request.format)) {
        return fail(QStringLiteral("usage"), Text::tr("--format takes json, sarif or html."));
    }
    if (parser.isSet(QStringLiteral("fail-on"))) {
        request.failOn = severityFromName(parser.value(QStringLiteral("fail-on")));
        if (!request.failOn) {
            return fail(QStringLiteral("usage"),
                        Text::tr("--fail-on takes note, low, medium, high or critical."));
        }
    }
    return request;
}

int scan(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Audits a cluster with passive probes (GET, HEAD and TCP connects only) and prints "
        "a report."));
    addScanOptions(parser);
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto request = scanRequest(parser);
    if (!request) {
        return ctx.usage(request.error().message);
    }
    if (!parser.isSet(QStringLiteral("profile"))) {
        return ctx.usage(Text::tr("audit needs --profile."));
    }
    auto ports = parsePorts(parser);
    if (!ports) {
        return ctx.usage(ports.error().message);
    }
    auto data = loadData(parser);
    auto profile = data ? findProfile(ctx, parser.value(QStringLiteral("profile")))
                        : Result<ClusterProfile>(std::unexpected(data.error()));
    if (!profile) {
        return ctx.report(profile.error());
    }
    ProbeSettings settings;
    settings.profile = profile->name;
    settings.ports = *ports;
    AuditRunner::prepare(settings, data->catalog, *ctx.store());
    auto shared = std::make_shared<AuditData>(std::move(*data));
    if (profile->auth != AuthMode::RayToken) {
        startScan(ctx, shared, *profile, nullptr, settings, *request);
        return CliContext::Pending;
    }
    ctx.keychain().read(
        profile->keychainService(), QString::fromLatin1(ClusterProfile::tokenEntry), &ctx,
        [&ctx, shared, p = *profile, settings, request = *request](Result<SecretBuffer> token) {
            if (!token) {
                ctx.finish(ctx.report(token.error()));
                return;
            }
            startScan(ctx, shared, p, std::make_shared<const SecretBuffer>(std::move(*token)),
                      settings, request);
        });
    return CliContext::Pending;
}

int suppress(CliContext& ctx, bool remove)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(remove ? QStringLiteral("unsuppress") : QStringLiteral("suppress"),
                                 Text::tr("Accept or stop accepting a finding."));
    parser.addOptions({
        {QStringLiteral("profile"), Text::tr("Cluster profile."), Text::tr("name")},
        {QStringLiteral("check"), Text::tr("Check id, such as RAY-9.1."), Text::tr("id")},
        {QStringLiteral("reason"), Text::tr("Why the risk is accepted."), Text::tr("text")},
        {QStringLiteral("until"), Text::tr("Expiry date (YYYY-MM-DD, UTC)."), Text::tr("date")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QString profile = parser.value(QStringLiteral("profile"));
    const QString check = parser.value(QStringLiteral("check"));
    auto catalog = CheckCatalog::builtIn();
    if (!catalog) {
        return ctx.report(catalog.error());
    }
    if (profile.isEmpty() || !catalog->find(check)) {
        return ctx.usage(Text::tr("Give --profile and the --check id of a known check."));
    }
    auto h = openHistory(ctx);
    if (!h) {
        return ctx.report(h.error());
    }
    const QDate until = QDate::fromString(parser.value(QStringLiteral("until")), Qt::ISODate);
    auto ok = remove ? h->unsuppress(profile, check)
                     : h->suppress(profile, check, parser.value(QStringLiteral("reason")),
                                   QDateTime(until, QTime(23, 59, 59), Qt::UTC),
                                   QDateTime::currentDateTimeUtc());
    if (!ok) {
        return ctx.report(ok.error());
    }
    ctx.out() << (remove ? Text::tr("%1 is no longer suppressed on %2.").arg(check, profile)
                         : Text::tr("%1 is suppressed on %2 until %3.")
                               .arg(check, profile, until.toString(Qt::ISODate)))
              << Qt::endl;
    return CliContext::ExitOk;
}

// history: the profile's runs, newest first; diff: what changed between the last two.
int history(CliContext& ctx, bool diffOnly)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(diffOnly ? QStringLiteral("diff") : QStringLiteral("history"),
                                 Text::tr("Past audit runs of a profile."));
    parser.addOption({QStringLiteral("profile"), Text::tr("Cluster profile."), Text::tr("name")});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto h = openHistory(ctx);
    auto runs = h ? h->runs(parser.value(QStringLiteral("profile")), diffOnly ? 2 : 50)
                  : Result<QList<AuditRun>>(std::unexpected(h.error()));
    if (!runs) {
        return ctx.report(runs.error());
    }
    if (!diffOnly) {
        for (const AuditRun& r : *runs) {
            ctx.out() << r.id << '\t' << r.finishedAt.toString(Qt::ISODate) << '\t'
                      << (r.rayVersion.isEmpty() ? Text::tr("unknown") : r.rayVersion) << '\t'
                      << (r.cancelled ? Text::tr("cancelled") : Text::tr("complete")) << Qt::endl;
        }
        return CliContext::ExitOk;
    }
    if (runs->size() < 2) {
        return ctx.report(Error{QStringLiteral("audit.diff.runs"),
                                Text::tr("A difference needs two runs of this profile."),
                                Text::tr("Run raysec-cli audit once more.")});
    }
    const RunDiff diff = RunDiff::between(runs->at(1), runs->at(0));
    ctx.out() << Text::tr("Newly failing: %1").arg(diff.newlyFailing.join(QStringLiteral(", ")))
              << Qt::endl
              << Text::tr("Now passing: %1").arg(diff.nowPassing.join(QStringLiteral(", ")))
              << Qt::endl
              << Text::tr("Still failing: %1").arg(diff.stillFailing.join(QStringLiteral(", ")))
              << Qt::endl;
    return CliContext::ExitOk;
}

int run(CliContext& ctx)
{
    const QStringList& args = ctx.arguments();
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    if (sub == QLatin1String("suppress") || sub == QLatin1String("unsuppress")) {
        return suppress(ctx, sub == QLatin1String("unsuppress"));
    }
    if (sub == QLatin1String("history") || sub == QLatin1String("diff")) {
        return history(ctx, sub == QLatin1String("diff"));
    }
    if (sub == QLatin1String("fix")) {
        return auditFix(ctx);
    }
    return scan(ctx);
}

} // namespace

const CliRegistration registration{
    {QStringLiteral("audit"),
     QT_TRANSLATE_NOOP("raysec-cli", "Audit a cluster (passive probes) and report; suppress, "
                                     "history, diff, fix"),
     run}};

} // namespace raysec::cli
