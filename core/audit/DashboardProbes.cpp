// Probes that read the dashboard's own answers: anonymous access, auth mode, version.

#include "core/audit/ProbeContext.h"
#include "core/audit/Probes.h"

#include <QCoreApplication>

namespace raysec::probes {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::probes)
};

QString param(const Check& check, const char* key, const char* fallback)
{
    return QString::fromStdString(check.params.value(key, std::string(fallback)));
}

} // namespace

CheckResult result(const Check& check, CheckOutcome outcome, const QString& detail,
                   QList<Evidence> evidence)
{
    return CheckResult{check.id, outcome, detail, std::move(evidence)};
}

CheckResult dashboardUnauthenticated(const Check& check, ProbeContext& ctx)
{
    const QString path = param(check, "path", "/api/jobs/");
    const HttpExchange& answer = ctx.get(path, false);
    const QList<Evidence> evidence{ctx.evidence(path, false)};
    if (answer.status >= 200 && answer.status < 300) {
        return result(check, CheckOutcome::Fail,
                      Text::tr("%1 answered %2 to a request without credentials.")
                          .arg(path)
                          .arg(answer.status),
                      evidence);
    }
    if (answer.status == 401 || answer.status == 403) {
        return result(
            check, CheckOutcome::Pass,
            Text::tr("%1 refused a request without credentials (%2).").arg(path).arg(answer.status),
            evidence);
    }
    return result(check, CheckOutcome::Error,
                  Text::tr("%1 gave no usable answer (status %2).").arg(path).arg(answer.status),
                  evidence);
}

CheckResult tokenAuthMode(const Check& check, ProbeContext& ctx)
{
    const QString path = QStringLiteral("/api/authentication_mode");
    const QList<Evidence> evidence{ctx.evidence(path, false)};
    switch (ctx.tokenAuth()) {
    case TokenAuthState::Token:
        return result(check, CheckOutcome::Pass, Text::tr("Token authentication is on."), evidence);
    case TokenAuthState::Disabled:
        return result(check, CheckOutcome::Fail, Text::tr("Token authentication is disabled."),
                      evidence);
    case TokenAuthState::NotSupported:
        return result(check, CheckOutcome::Fail,
                      Text::tr("The cluster has no token authentication (Ray before 2.52)."),
                      evidence);
    case TokenAuthState::Unknown:
        break;
    }
    return result(check, CheckOutcome::Error,
                  Text::tr("The authentication mode could not be read."), evidence);
}

CheckResult versionAdvisories(const Check& check, ProbeContext& ctx)
{
    const QString path = QStringLiteral("/api/version");
    const QList<Evidence> evidence{ctx.evidence(path, true)};
    const auto version = ctx.rayVersion();
    if (!version) {
        return result(check, CheckOutcome::Error,
                      Text::tr("The Ray version could not be read from %1.").arg(path), evidence);
    }
    const bool tokenOn = ctx.tokenAuth() == TokenAuthState::Token;
    const QList<Advisory> found = ctx.advisories().applicable(*version, tokenOn);
    if (found.isEmpty()) {
        return result(check, CheckOutcome::Pass,
                      Text::tr("No known advisory applies to Ray %1.").arg(version->toString()),
                      evidence);
    }
    QStringList lines;
    for (const Advisory& a : found) {
        lines.append(a.fixedIn.isEmpty() ? a.id
                                         : Text::tr("%1 (fixed in %2)").arg(a.id, a.fixedIn));
    }
    return result(check, CheckOutcome::Fail,
                  Text::tr("Ray %1 is affected by %2.")
                      .arg(version->toString(), lines.join(QStringLiteral(", "))),
                  evidence);
}

CheckResult browserGuard(const Check& check, ProbeContext& ctx)
{
    const QList<Evidence> evidence{ctx.evidence(QStringLiteral("/api/version"), true)};
    const auto version = ctx.rayVersion();
    const auto guardFrom = RayVersion::parse(param(check, "guardFrom", "2.52.0"));
    const auto deleteFrom = RayVersion::parse(param(check, "deleteGuardFrom", "2.54.0"));
    if (!version || !guardFrom || !deleteFrom) {
        return result(check, CheckOutcome::Error, Text::tr("The Ray version could not be read."),
                      evidence);
    }
    if (*version < *guardFrom) {
        return result(check, CheckOutcome::Fail,
                      Text::tr("Ray %1 has no browser-request guard: a web page can submit jobs.")
                          .arg(version->toString()),
                      evidence);
    }
    if (*version < *deleteFrom) {
        return result(
            check, CheckOutcome::Fail,
            Text::tr("Ray %1 lets browser DELETE requests through.").arg(version->toString()),
            evidence);
    }
    return result(
        check, CheckOutcome::Pass,
        Text::tr("Ray %1 refuses browser-looking write requests.").arg(version->toString()),
        evidence);
}

} // namespace raysec::probes
