// raysec-cli status: fetches one snapshot of a cluster through the same path as the console.

#include "CliCommand.h"
#include "CliContext.h"

#include "core/cluster/ClusterErrors.h"
#include "core/cluster/ClusterMonitor.h"
#include "core/cluster/SnapshotJson.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"
#include "core/store/ProfileRepository.h"

#include <QLocale>
#include <QTimer>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::StatusCommand)
};

QString amount(const QString& resource, double value)
{
    if (resource == QLatin1String("memory") || resource == QLatin1String("object_store_memory")) {
        return QLocale().formattedDataSize(qint64(value));
    }
    return QLocale().toString(value, 'g', 6);
}

void printSummary(QTextStream& out, const ClusterProfile& profile, const ClusterSnapshot& s)
{
    out << Text::tr("Cluster:  %1 (%2)").arg(profile.name, s.dashboardUrl) << Qt::endl;
    if (s.plainHttp) {
        out << Text::tr("Warning:  plain http; traffic to the dashboard is not encrypted.")
            << Qt::endl;
    }
    out << Text::tr("Ray:      %1").arg(s.rayVersion) << Qt::endl;
    out << Text::tr("Auth:     %1").arg(authModeName(s.authMode)) << Qt::endl;
    if (s.authMode == AuthModeSeen::Disabled || s.authMode == AuthModeSeen::NotSupported) {
        out << Text::tr(
                   "Warning:  token authentication is off: anyone who reaches the dashboard can "
                   "run code on the cluster.")
            << Qt::endl;
    }
    out << Text::tr("Nodes:    %1 alive, %2 dead, %3 pending, %4 failed to launch")
               .arg(s.nodesAlive)
               .arg(s.nodesDead)
               .arg(s.nodesPending)
               .arg(s.nodesFailedLaunch)
        << Qt::endl;
    for (auto it = s.resources.cbegin(); it != s.resources.cend(); ++it) {
        out << QStringLiteral("  %1 %2 / %3")
                   .arg(it.key().leftJustified(22), amount(it.key(), it.value().used),
                        amount(it.key(), it.value().total))
            << Qt::endl;
    }
    QMap<QString, int> byStatus;
    for (const JobInfo& job : s.jobs) {
        ++byStatus[job.status];
    }
    QStringList counts;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it) {
        counts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
    }
    out << Text::tr("Jobs:     %1 (%2)").arg(s.jobs.size()).arg(counts.join(QLatin1String(", ")))
        << Qt::endl;
    out << Text::tr("Tasks:    %1 in %2 functions").arg(s.totalTasks).arg(s.taskSummary.size())
        << Qt::endl;
    for (const QString& warning : s.warnings) {
        out << Text::tr("Note:     %1").arg(warning) << Qt::endl;
    }
}

Result<ClusterProfile> loadProfile(CliContext& ctx, const QString& name)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    ProfileRepository repo(**db);
    if (auto ok = repo.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return repo.find(name);
}

int run(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Fetches the version, authentication mode, nodes, resources, jobs and task summary "
        "of a cluster once and prints them."));
    parser.addOptions({
        {QStringLiteral("profile"), Text::tr("Profile to use."), Text::tr("name")},
        {QStringLiteral("timeout"), Text::tr("Give up after this many seconds (default 30)."),
         Text::tr("seconds"), QStringLiteral("30")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    bool numeric = false;
    const int timeout = parser.value(QStringLiteral("timeout")).toInt(&numeric);
    if (!parser.isSet(QStringLiteral("profile")) || !numeric || timeout < 1 || timeout > 3600) {
        return ctx.usage(Text::tr("status needs --profile NAME and a --timeout from 1 to 3600."));
    }

    auto profile = loadProfile(ctx, parser.value(QStringLiteral("profile")));
    if (!profile) {
        return ctx.report(profile.error());
    }

    auto* monitor = new ClusterMonitor(*profile, &ctx.keychain(), &ctx);
    QObject::connect(monitor, &ClusterMonitor::snapshotReady, &ctx,
                     [&ctx, monitor, p = *profile](const ClusterSnapshot& snapshot) {
                         monitor->stop();
                         if (ctx.json()) {
                             ctx.printJson(snapshotToJson(snapshot));
                         } else {
                             printSummary(ctx.out(), p, snapshot);
                         }
                         ctx.finish(CliContext::ExitOk);
                     });
    QObject::connect(monitor, &ClusterMonitor::failed, &ctx, [&ctx, monitor](const Error& error) {
        monitor->stop();
        ctx.finish(ctx.report(error));
    });
    QTimer::singleShot(timeout * 1000, monitor, [&ctx, monitor, timeout] {
        monitor->stop();
        ctx.finish(ctx.report(ClusterErrors::timeout(QStringLiteral("status"), timeout, false)));
    });
    monitor->start();
    return CliContext::Pending;
}

const CliRegistration registration{
    {QStringLiteral("status"),
     QT_TRANSLATE_NOOP("raysec-cli", "Show a cluster's version, nodes, resources and jobs"), run}};

} // namespace

} // namespace raysec::cli
