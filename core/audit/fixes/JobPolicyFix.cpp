#include "core/audit/fixes/JobPolicyFix.h"

#include "core/validation/JobPolicy.h"

#include <QCoreApplication>

namespace raysec {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("raysec::JobPolicyFix", text);
}

nlohmann::ordered_json list(const QStringList& items)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const QString& item : items) {
        out.push_back(item.toStdString());
    }
    return out;
}

} // namespace

QByteArray JobPolicyFix::defaultPolicyJson()
{
    const JobPolicy policy = JobPolicy::defaults();
    nlohmann::ordered_json json;
    json["format"] = "raysec-job-policy";
    json["formatVersion"] = JobPolicy::formatVersion;
    json["allowedHosts"] = list(policy.allowedHosts);
    json["allowedSchemes"] = list(policy.allowedSchemes);
    json["allowedPrograms"] = list(policy.allowedPrograms);
    json["forbiddenTokens"] = list(policy.forbiddenTokens);
    json["maxEntrypointLength"] = policy.maxEntrypointLength;
    return QByteArray::fromStdString(json.dump(2) + "\n");
}

Result<void> JobPolicyFix::generate(const HardeningInputs& in, const QStringList& checks,
                                    HardeningOutput& out)
{
    const QByteArray json = defaultPolicyJson();
    if (auto parsed = JobPolicy::parse(json, QString::fromLatin1(policyFile)); !parsed) {
        return std::unexpected(parsed.error());
    }
    out.add(FixArtefact::text(QString::fromLatin1(policyFile),
                              tr("The job-submission policy the gateway enforces."), json));
    out.runbook.add(RunbookPhase::Configure, checks.join(QStringLiteral(", ")),
                    tr("Enforce the job policy at submission: add it to the gateway policy"), {},
                    tr("Put the content of %1 under \"jobPolicy\" in gateway/policy.json.example, "
                       "save it as policy.json in %2 and sign it. Jobs already running keep "
                       "their runtime_env: stop the offending ones.")
                        .arg(QString::fromLatin1(policyFile), in.gatewayDir));
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
