#include "core/validation/SubmissionValidator.h"

#include <QCoreApplication>

#include <cmath>
#include <set>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::SubmissionValidator)
};

using json = nlohmann::json;

PolicyViolation violation(const QString& field, const char* rule, const QString& message)
{
    return {field, QString::fromLatin1(rule), message, {}};
}

bool isAmount(const json& value, double max)
{
    return value.is_number() && std::isfinite(value.get<double>()) && value.get<double>() >= 0 &&
           value.get<double>() <= max;
}

void checkStringMap(const json& map, const QString& field, int maxEntries, int maxKey, int maxValue,
                    QList<PolicyViolation>& out)
{
    if (!map.is_object()) {
        out.append(
            violation(field, "type", Text::tr("%1 must map strings to strings.").arg(field)));
        return;
    }
    if (int(map.size()) > maxEntries) {
        out.append(violation(field, "size",
                             Text::tr("%1 has more than %2 entries.").arg(field).arg(maxEntries)));
    }
    for (const auto& [key, value] : map.items()) {
        if (!value.is_string()) {
            out.append(violation(field + QLatin1Char('.') + QString::fromStdString(key), "type",
                                 Text::tr("Every value in %1 must be a string.").arg(field)));
        } else if (int(key.size()) > maxKey ||
                   int(value.get_ref<const std::string&>().size()) > maxValue) {
            out.append(violation(field + QLatin1Char('.') + QString::fromStdString(key), "size",
                                 Text::tr("An entry of %1 is too long.").arg(field)));
        }
    }
}

} // namespace

SubmissionValidator::SubmissionValidator(JobPolicy policy, SubmissionLimits limits)
    : m_checker(std::move(policy))
    , m_limits(limits)
{
}

QList<PolicyViolation> SubmissionValidator::checkShape(const json& body) const
{
    static const std::set<std::string> known = {
        "entrypoint",          "submission_id",       "runtime_env",       "metadata",
        "entrypoint_num_cpus", "entrypoint_num_gpus", "entrypoint_memory", "entrypoint_resources"};
    QList<PolicyViolation> out;
    for (const auto& [key, value] : body.items()) {
        if (!known.contains(key)) {
            out.append(violation(QString::fromStdString(key), "unknown-field",
                                 Text::tr("The field %1 is not part of a job submission.")
                                     .arg(QString::fromStdString(key))));
        }
    }
    if (!body.contains("entrypoint") || !body["entrypoint"].is_string() ||
        body["entrypoint"].get_ref<const std::string&>().empty()) {
        out.append(violation(QStringLiteral("entrypoint"), "required",
                             Text::tr("entrypoint is required and must be a non-empty string.")));
    }
    if (body.contains("submission_id")) {
        const json& id = body["submission_id"];
        if (!id.is_string() ||
            int(id.get_ref<const std::string&>().size()) > m_limits.maxSubmissionIdLength ||
            id.get_ref<const std::string&>().find_first_not_of(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") !=
                std::string::npos) {
            out.append(violation(
                QStringLiteral("submission_id"), "format",
                Text::tr("submission_id must be up to %1 letters, digits, '.', '_' or '-'.")
                    .arg(m_limits.maxSubmissionIdLength)));
        }
    }
    if (body.contains("metadata")) {
        checkStringMap(body["metadata"], QStringLiteral("metadata"), m_limits.maxMetadataEntries,
                       m_limits.maxMetadataKeyLength, m_limits.maxMetadataValueLength, out);
    }
    for (const char* field : {"entrypoint_num_cpus", "entrypoint_num_gpus", "entrypoint_memory"}) {
        if (body.contains(field) &&
            !isAmount(body[field], field == std::string_view("entrypoint_memory")
                                       ? 1e15
                                       : m_limits.maxResourceAmount)) {
            out.append(violation(QString::fromLatin1(field), "type",
                                 Text::tr("%1 must be a non-negative number within bounds.")
                                     .arg(QString::fromLatin1(field))));
        }
    }
    if (body.contains("entrypoint_memory") && body["entrypoint_memory"].is_number_float()) {
        out.append(violation(QStringLiteral("entrypoint_memory"), "type",
                             Text::tr("entrypoint_memory is a whole number of bytes.")));
    }
    if (body.contains("entrypoint_resources")) {
        const json& resources = body["entrypoint_resources"];
        if (!resources.is_object() || int(resources.size()) > m_limits.maxCustomResources) {
            out.append(
                violation(QStringLiteral("entrypoint_resources"), "type",
                          Text::tr("entrypoint_resources must map up to %1 names to amounts.")
                              .arg(m_limits.maxCustomResources)));
        } else {
            for (const auto& [name, amount] : resources.items()) {
                if (!isAmount(amount, m_limits.maxResourceAmount)) {
                    out.append(violation(
                        QStringLiteral("entrypoint_resources.") + QString::fromStdString(name),
                        "type", Text::tr("Resource amounts must be non-negative numbers.")));
                }
            }
        }
    }
    if (body.contains("runtime_env")) {
        const json& env = body["runtime_env"];
        if (!env.is_object() || int(env.dump().size()) > m_limits.maxRuntimeEnvBytes) {
            out.append(violation(QStringLiteral("runtime_env"), "type",
                                 Text::tr("runtime_env must be an object of at most %1 bytes.")
                                     .arg(m_limits.maxRuntimeEnvBytes)));
        } else if (env.contains("env_vars")) {
            checkStringMap(env["env_vars"], QStringLiteral("runtime_env.env_vars"),
                           m_limits.maxEnvVars, 256, m_limits.maxEnvVarValueLength, out);
        }
    }
    return out;
}

Result<CheckedSubmission> SubmissionValidator::check(std::string_view body, const QString& keyId,
                                                     const QString& team) const
{
    json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        return fail(QStringLiteral("submission.not-json"),
                    Text::tr("The job submission is not a JSON object."),
                    Text::tr("Send the body Ray's Jobs API documents for POST /api/jobs/."));
    }
    QList<PolicyViolation> violations = checkShape(parsed);
    if (violations.isEmpty()) {
        violations += m_checker.check(parsed);
    }
    if (!violations.isEmpty()) {
        QStringList reasons;
        for (const PolicyViolation& v : violations) {
            reasons.append(v.field + QStringLiteral(": ") + v.message);
        }
        return fail(QStringLiteral("submission.refused"),
                    Text::tr("The job submission breaks the cluster's job policy."),
                    reasons.join(QStringLiteral("; ")));
    }

    json& metadata = parsed["metadata"];
    if (metadata.is_null()) {
        metadata = json::object();
    }
    metadata[keyIdKey] = keyId.toStdString();
    metadata[teamKey] = team.toStdString();

    CheckedSubmission checked;
    checked.cpus = parsed.value("entrypoint_num_cpus", 0.0);
    checked.gpus = parsed.value("entrypoint_num_gpus", 0.0);
    checked.memoryBytes = parsed.value("entrypoint_memory", 0.0);
    if (parsed.contains("entrypoint_resources")) {
        for (const auto& [name, amount] : parsed["entrypoint_resources"].items()) {
            checked.resources.insert(QString::fromStdString(name), amount.get<double>());
        }
    }
    checked.body = parsed.dump();
    return checked;
}

} // namespace raysec
