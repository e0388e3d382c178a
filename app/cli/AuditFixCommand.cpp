#include "AuditFixCommand.h"

#include "CliContext.h"

#include "core/audit/AuditRunner.h"
#include "core/audit/QtProbeTransport.h"
#include "core/audit/fixes/ArtefactWriter.h"
#include "core/audit/fixes/ConsoleApplier.h"
#include "core/audit/fixes/HardeningGenerator.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"
#include "core/tls/NodeEntry.h"

#include <QDir>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::AuditFixCommand)
};

// Everything the command decided before the scan, shared by the asynchronous steps.
struct FixRequest
{
    CheckCatalog catalog;
    AdvisoryDatabase advisories;
    ClusterProfile profile;
    HardeningInputs inputs;
    QStringList skipped;
    QString folder;
    bool apply = false;
};

void addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("fix"), Text::tr("Generate the fixes."));
    parser.addOptions({
        {QStringLiteral("profile"), Text::tr("Cluster profile to scan and fix."), Text::tr("name")},
        {QStringLiteral("out"), Text::tr("New or empty folder for the files."), Text::tr("folder")},
        {QStringLiteral("head-address"),
         Text::tr("IP address the nodes dial for the head (default: the dashboard's host)."),
         Text::tr("ip")},
        {QStringLiteral("head-name"), Text::tr("A DNS name of the head (repeatable)."),
         Text::tr("name")},
        {QStringLiteral("ray-version"),
         Text::tr("Ray version to upgrade to (default: the lowest "
                  "that fixes every advisory)."),
         Text::tr("version")},
        {QStringLiteral("k8s-namespace"), Text::tr("Kubernetes namespace (default ray)."),
         Text::tr("name"), QStringLiteral("ray")},
        {QStringLiteral("skip"), Text::tr("Leave this check open (repeatable)."), Text::tr("id")},
        {QStringLiteral("ports"), Text::tr("Ray ports to probe instead of the checks' list."),
         Text::tr("list")},
        {QStringLiteral("apply"),
         Text::tr("Also store the token in the keychain, switch the profile to it, save the quota "
                  "policy, publish the key registry and sign the gateway's policy and user "
                  "bundles.")},
    });
}

Result<std::optional<QList<PortSpec>>> ports(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("ports"))) {
        return std::optional<QList<PortSpec>>();
    }
    QList<PortSpec> list;
    for (const QString& item : parser.value(QStringLiteral("ports")).split(u',')) {
        bool ok = false;
        const int port = item.trimmed().toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            return fail(QStringLiteral("usage"), Text::tr("--ports takes port numbers separated by "
                                                          "commas, such as 6379,10001."));
        }
        list.append({quint16(port), Text::tr("port %1").arg(port)});
    }
    return std::optional<QList<PortSpec>>(list);
}

Result<FixRequest> request(CliContext& ctx, const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("profile")) || !parser.isSet(QStringLiteral("out"))) {
        return fail(QStringLiteral("usage"), Text::tr("audit fix needs --profile and --out."));
    }
    const QString folder = QDir::cleanPath(parser.value(QStringLiteral("out")));
    if (!QDir::isAbsolutePath(folder)) {
        return fail(QStringLiteral("usage"), Text::tr("--out must be an absolute folder path."));
    }
    auto catalog = CheckCatalog::builtIn();
    auto advisories = AdvisoryDatabase::builtIn();
    auto db = ctx.store();
    if (!catalog || !advisories || !db) {
        return std::unexpected(!catalog ? catalog.error()
                                        : (!advisories ? advisories.error() : db.error()));
    }
    ProfileRepository profiles(**db);
    if (auto ok = profiles.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    auto profile = profiles.find(parser.value(QStringLiteral("profile")));
    if (!profile) {
        return std::unexpected(profile.error());
    }
    FixRequest r{std::move(*catalog),
                 std::move(*advisories),
                 *profile,
                 {},
                 parser.values(QStringLiteral("skip")),
                 folder,
                 parser.isSet(QStringLiteral("apply"))};
    const QString host = profile->dashboardUrl.host();
    r.inputs.profile = profile->name;
    r.inputs.headAddress = parser.isSet(QStringLiteral("head-address"))
                               ? parser.value(QStringLiteral("head-address"))
                               : (tls::isValidIpAddress(host) ? host : QString());
    r.inputs.headHostnames = parser.values(QStringLiteral("head-name"));
    r.inputs.targetRayVersion = parser.value(QStringLiteral("ray-version"));
    r.inputs.kubeNamespace = parser.value(QStringLiteral("k8s-namespace"));
    return r;
}

void printResult(CliContext& ctx, const FixRequest& r, const HardeningOutput& out,
                 const QStringList& applied, const QString& bundles = {})
{
    if (ctx.json()) {
        nlohmann::json files = nlohmann::json::array();
        for (const FixArtefact& a : out.artefacts) {
            files.push_back({{"path", a.path.toStdString()},
                             {"secret", a.holdsSecret()},
                             {"mode", a.holdsSecret() ? "0600" : "0644"}});
        }
        nlohmann::json applied_json = nlohmann::json::array();
        for (const QString& change : applied) {
            applied_json.push_back(change.toStdString());
        }
        ctx.printJson(
            {{"profile", r.profile.name.toStdString()},
             {"folder", r.folder.toStdString()},
             {"runbook", QDir(r.folder).filePath(QStringLiteral("RUNBOOK.md")).toStdString()},
             {"files", files},
             {"applied", applied_json},
             {"bundles", bundles.toStdString()}});
        return;
    }
    ctx.out() << Text::tr("%n files written to %1; follow %2.", nullptr, int(out.artefacts.size()))
                     .arg(r.folder, QDir(r.folder).filePath(QStringLiteral("RUNBOOK.md")))
              << Qt::endl;
    for (const QString& change : applied) {
        ctx.out() << Text::tr("Applied: %1").arg(change) << Qt::endl;
    }
    if (!bundles.isEmpty()) {
        ctx.out() << bundles << Qt::endl;
    }
}

QStringList changeNames(const QList<ConsoleChange>& changes)
{
    QStringList names;
    for (ConsoleChange c : changes) {
        names << (c == ConsoleChange::StoreRayToken     ? QStringLiteral("store-ray-token")
                  : c == ConsoleChange::UseRayTokenAuth ? QStringLiteral("use-ray-token-auth")
                  : c == ConsoleChange::SaveQuotaPolicy ? QStringLiteral("save-quota-policy")
                  : c == ConsoleChange::PublishKeyRegistry
                      ? QStringLiteral("publish-key-registry")
                      : QStringLiteral("publish-gateway-bundles"));
    }
    return names;
}

void generateAndWrite(CliContext& ctx, std::shared_ptr<FixRequest> r, const AuditRun& run)
{
    if (run.cancelled) {
        ctx.finish(
            ctx.report(Error{QStringLiteral("audit.cancelled"), Text::tr("The scan was cancelled."),
                             Text::tr("Run it again.")}));
        return;
    }
    HardeningPlan plan = HardeningPlan::fromRun(run, r->catalog);
    for (const PlannedFix& f : plan.fixes()) {
        if (!r->apply && f.fixKind == QLatin1String("quota-policy")) {
            // Without --apply the policy is only written; the runbook loads it.
            plan.choose(f.checkId, QString::fromLatin1(HardeningPlan::generateOption));
        }
    }
    for (const QString& id : r->skipped) {
        plan.choose(id, QString::fromLatin1(HardeningPlan::skipOption));
    }
    r->inputs.rayVersion = run.rayVersion;
    if (r->inputs.targetRayVersion.isEmpty()) {
        r->inputs.targetRayVersion =
            HardeningInputs::minimumFixedVersion(r->advisories, run.rayVersion);
    }
    auto out = HardeningGenerator::generate(plan, r->inputs);
    auto written = out ? ArtefactWriter::write(r->folder, out->artefacts)
                       : Result<QStringList>(std::unexpected(out.error()));
    if (!written) {
        ctx.finish(ctx.report(written.error()));
        return;
    }
    if (!r->apply || out->changes.isEmpty()) {
        printResult(ctx, *r, *out, {});
        ctx.finish(CliContext::ExitOk);
        return;
    }
    auto shared = std::make_shared<HardeningOutput>(std::move(*out));
    auto* applier = new ConsoleApplier(ctx.keychain(), **ctx.store(), &ctx);
    applier->apply(r->profile, shared->changes, shared->rayToken, shared->quotas, r->folder,
                   [&ctx, r, shared](Result<AppliedChanges> done) {
                       if (!done) {
                           ctx.finish(ctx.report(done.error()));
                           return;
                       }
                       printResult(ctx, *r, *shared, changeNames(shared->changes),
                                   done->bundleSummary);
                       ctx.finish(CliContext::ExitOk);
                   });
}

void startScan(CliContext& ctx, std::shared_ptr<FixRequest> r, ProbeSettings settings,
               std::shared_ptr<const SecretBuffer> token)
{
    auto* runner = new AuditRunner(r->catalog, r->advisories, &ctx);
    QObject::connect(runner, &AuditRunner::finished, &ctx,
                     [&ctx, r](const AuditRun& run) { generateAndWrite(ctx, r, run); });
    runner->start(
        [profile = r->profile, token](const std::atomic<bool>& cancelled) {
            return std::make_unique<QtProbeTransport>(profile, token, cancelled);
        },
        std::move(settings));
}

} // namespace

int auditFix(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Scans a cluster, then writes the hardening fixes for every failing check and a "
                 "runbook of the manual steps into a new folder."));
    addOptions(parser);
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto portList = ports(parser);
    if (!portList) {
        return ctx.usage(portList.error().message);
    }
    auto r = request(ctx, parser);
    if (!r) {
        return r.error().code == QLatin1String("usage") ? ctx.usage(r.error().message)
                                                        : ctx.report(r.error());
    }
    if (auto ok = r->inputs.validated(); !ok) {
        return ctx.report(ok.error());
    }
    ProbeSettings settings;
    settings.profile = r->profile.name;
    settings.ports = *portList;
    AuditRunner::prepare(settings, r->catalog, *ctx.store());
    auto shared = std::make_shared<FixRequest>(std::move(*r));
    if (shared->profile.auth != AuthMode::RayToken) {
        startScan(ctx, shared, settings, nullptr);
        return CliContext::Pending;
    }
    ctx.keychain().read(shared->profile.keychainService(),
                        QString::fromLatin1(ClusterProfile::tokenEntry), &ctx,
                        [&ctx, shared, settings](Result<SecretBuffer> token) {
                            if (!token) {
                                ctx.finish(ctx.report(token.error()));
                                return;
                            }
                            startScan(ctx, shared, settings,
                                      std::make_shared<const SecretBuffer>(std::move(*token)));
                        });
    return CliContext::Pending;
}

} // namespace raysec::cli
