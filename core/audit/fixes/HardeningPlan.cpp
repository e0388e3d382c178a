#include "core/audit/fixes/HardeningPlan.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HardeningPlan)
};

// The order generators run in: later ones refer to files earlier ones made (the gateway uses
// the TLS bundle and the token file).
const QStringList& kindOrder()
{
    static const QStringList order = {
        QStringLiteral("ray-token"),      QStringLiteral("tls-bundle"),
        QStringLiteral("gateway-config"), QStringLiteral("rate-limit-policy"),
        QStringLiteral("job-policy"),     QStringLiteral("quota-policy"),
        QStringLiteral("network-policy"), QStringLiteral("upgrade")};
    return order;
}

FixOption option(const char* id, const QString& label)
{
    return FixOption{QString::fromLatin1(id), label};
}

} // namespace

QList<FixOption> HardeningPlan::optionsFor(const QString& kind)
{
    const FixOption skip = option(skipOption, Text::tr("Leave it open"));
    if (kind == QLatin1String("ray-token")) {
        return {option(generateOption, Text::tr("New Ray token, env file and Kubernetes Secret")),
                skip};
    }
    if (kind == QLatin1String("tls-bundle")) {
        return {option(generateOption, Text::tr("New CA and head certificate bundle")), skip};
    }
    if (kind == QLatin1String("gateway-config")) {
        return {
            option(generateOption, Text::tr("Gateway configuration with TLS, login and API keys")),
            skip};
    }
    if (kind == QLatin1String("rate-limit-policy")) {
        return {option(generateOption, Text::tr("Gateway rate limits")), skip};
    }
    if (kind == QLatin1String("quota-policy")) {
        return {option(applyOption, Text::tr("Default quota policy, saved in the console")),
                option(generateOption, Text::tr("Default quota policy file only")), skip};
    }
    if (kind == QLatin1String("job-policy")) {
        return {option(generateOption, Text::tr("Job-submission policy file")), skip};
    }
    if (kind == QLatin1String("network-policy")) {
        return {option(generateOption, Text::tr("Firewall rules and a NetworkPolicy")), skip};
    }
    if (kind == QLatin1String("upgrade")) {
        return {option(generateOption, Text::tr("Upgrade steps in the runbook")), skip};
    }
    return {skip};
}

HardeningPlan HardeningPlan::fromRun(const AuditRun& run, const CheckCatalog& catalog)
{
    HardeningPlan plan;
    for (const Check& check : catalog.checks()) {
        const CheckResult* r = run.result(check.id);
        if (!r || r->outcome != CheckOutcome::Fail) {
            continue;
        }
        PlannedFix fix{
            check.id, check.title, check.fixKind, check.fixDescription, optionsFor(check.fixKind),
            {}};
        fix.chosen = fix.options.first().id;
        plan.m_fixes.append(fix);
    }
    return plan;
}

const PlannedFix* HardeningPlan::find(const QString& checkId) const
{
    for (const PlannedFix& f : m_fixes) {
        if (f.checkId == checkId) {
            return &f;
        }
    }
    return nullptr;
}

bool HardeningPlan::choose(const QString& checkId, const QString& optionId)
{
    for (PlannedFix& f : m_fixes) {
        if (f.checkId != checkId) {
            continue;
        }
        for (const FixOption& o : f.options) {
            if (o.id == optionId) {
                f.chosen = optionId;
                return true;
            }
        }
        return false;
    }
    return false;
}

QStringList HardeningPlan::checksFor(const QString& fixKind) const
{
    QStringList ids;
    for (const PlannedFix& f : m_fixes) {
        if (f.fixKind == fixKind && !f.isSkipped()) {
            ids.append(f.checkId);
        }
    }
    return ids;
}

QString HardeningPlan::optionFor(const QString& fixKind) const
{
    for (const PlannedFix& f : m_fixes) {
        if (f.fixKind == fixKind && !f.isSkipped()) {
            return f.chosen;
        }
    }
    return QString::fromLatin1(skipOption);
}

QStringList HardeningPlan::chosenKinds() const
{
    QStringList kinds;
    for (const QString& kind : kindOrder()) {
        if (!checksFor(kind).isEmpty()) {
            kinds.append(kind);
        }
    }
    return kinds;
}

} // namespace raysec
