// JSON form of QuotaConfig (documented in docs/quotas.md).

#include "core/quotas/QuotaConfig.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace raysec {

namespace {

using nlohmann::json;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::QuotaConfig)
};

QString qs(const json& value)
{
    return QString::fromStdString(value.get<std::string>());
}

QuotaLimits limitsFromJson(const json& object)
{
    QuotaLimits limits;
    if (object.contains("CPU")) {
        limits.cpu = object.at("CPU").get<double>();
    }
    if (object.contains("GPU")) {
        limits.gpu = object.at("GPU").get<double>();
    }
    if (object.contains("memory")) {
        limits.memory = object.at("memory").get<double>();
    }
    if (object.contains("concurrentJobs")) {
        limits.concurrentJobs = object.at("concurrentJobs").get<int>();
    }
    if (object.contains("submissionsPerHour")) {
        limits.submissionsPerHour = object.at("submissionsPerHour").get<int>();
    }
    const json customLimits = object.value("custom", json::object());
    for (const auto& [name, amount] : customLimits.items()) {
        limits.custom.insert(QString::fromStdString(name), amount.get<double>());
    }
    return limits;
}

json limitsToJson(const QuotaLimits& limits)
{
    json object = json::object();
    auto put = [&object](const char* name, auto value) {
        if (value) {
            object[name] = *value;
        }
    };
    put("CPU", limits.cpu);
    put("GPU", limits.gpu);
    put("memory", limits.memory);
    put("concurrentJobs", limits.concurrentJobs);
    put("submissionsPerHour", limits.submissionsPerHour);
    if (!limits.custom.isEmpty()) {
        json custom = json::object();
        for (auto it = limits.custom.cbegin(); it != limits.custom.cend(); ++it) {
            custom[it.key().toStdString()] = it.value();
        }
        object["custom"] = custom;
    }
    return object;
}

void readPolicies(const json& root, const char* section, QuotaSubject subject, QuotaConfig& out)
{
    const json subjects = root.value(section, json::object());
    for (const auto& [name, levels] : subjects.items()) {
        QuotaPolicy policy;
        policy.subject = subject;
        policy.name = QString::fromStdString(name);
        policy.soft = limitsFromJson(levels.value("soft", json::object()));
        policy.hard = limitsFromJson(levels.value("hard", json::object()));
        out.policies.append(policy);
    }
}

void readMapping(const json& mapping, QuotaConfig& out)
{
    out.teamMetadataKey =
        QString::fromStdString(mapping.value("teamKey", out.teamMetadataKey.toStdString()));
    out.keyMetadataKey =
        QString::fromStdString(mapping.value("keyIdKey", out.keyMetadataKey.toStdString()));
    const json keys = mapping.value("keys", json::object());
    for (const auto& [key, team] : keys.items()) {
        out.keyTeams.insert(QString::fromStdString(key), qs(team));
    }
    const json rules = mapping.value("rules", json::array());
    for (const json& item : rules) {
        MappingRule rule;
        const std::string field = item.at("field").get<std::string>();
        if (field != "entrypoint" && field != "submission_id") {
            throw std::invalid_argument("a rule's field must be entrypoint or submission_id");
        }
        rule.field = field == "entrypoint" ? MappingRule::Field::Entrypoint
                                           : MappingRule::Field::SubmissionId;
        rule.pattern = qs(item.at("pattern"));
        rule.team = qs(item.at("team"));
        out.rules.append(rule);
    }
}

void readAlerts(const json& alerts, AlertSettings& out)
{
    if (alerts.contains("thresholds")) {
        out.thresholds.clear();
        for (const json& t : alerts.at("thresholds")) {
            out.thresholds.append(t.get<double>());
        }
    }
    out.hysteresis = alerts.value("hysteresis", out.hysteresis);
    if (alerts.contains("webhook")) {
        out.webhook = QUrl(qs(alerts.at("webhook")), QUrl::StrictMode);
    }
    const json command = alerts.value("command", json::array());
    for (const json& arg : command) {
        out.command.append(qs(arg));
    }
}

json mappingToJson(const QuotaConfig& config)
{
    json keys = json::object();
    for (auto it = config.keyTeams.cbegin(); it != config.keyTeams.cend(); ++it) {
        keys[it.key().toStdString()] = it.value().toStdString();
    }
    json rules = json::array();
    for (const MappingRule& rule : config.rules) {
        rules.push_back({{"field", rule.field == MappingRule::Field::Entrypoint ? "entrypoint"
                                                                                : "submission_id"},
                         {"pattern", rule.pattern.toStdString()},
                         {"team", rule.team.toStdString()}});
    }
    return {{"teamKey", config.teamMetadataKey.toStdString()},
            {"keyIdKey", config.keyMetadataKey.toStdString()},
            {"keys", keys},
            {"rules", rules}};
}

} // namespace

Result<QuotaConfig> QuotaConfig::fromJson(QByteArrayView text)
{
    QuotaConfig config;
    try {
        const json root = json::parse(text.begin(), text.end());
        if (!root.is_object() || root.value("version", 1) != 1) {
            throw std::invalid_argument("expected an object with \"version\": 1");
        }
        readMapping(root.value("mapping", json::object()), config);
        readPolicies(root, "teams", QuotaSubject::Team, config);
        readPolicies(root, "keys", QuotaSubject::Key, config);
        readAlerts(root.value("alerts", json::object()), config.alerts);
    } catch (const std::exception& e) {
        return fail(QStringLiteral("quotas.invalid-config"),
                    Text::tr("The quota configuration is not valid JSON of the expected shape: %1.")
                        .arg(QString::fromUtf8(e.what())),
                    Text::tr("Compare it with the format in docs/quotas.md; nothing was changed."));
    }
    if (auto ok = config.validated(); !ok) {
        return std::unexpected(ok.error());
    }
    return config;
}

QByteArray QuotaConfig::toJson() const
{
    json teams = json::object();
    json keys = json::object();
    for (const QuotaPolicy& policy : policies) {
        json& section = policy.subject == QuotaSubject::Team ? teams : keys;
        section[policy.name.toStdString()] = {{"soft", limitsToJson(policy.soft)},
                                              {"hard", limitsToJson(policy.hard)}};
    }
    json thresholds = json::array();
    for (double t : alerts.thresholds) {
        thresholds.push_back(t);
    }
    json command = json::array();
    for (const QString& arg : alerts.command) {
        command.push_back(arg.toStdString());
    }
    json alertJson = {
        {"thresholds", thresholds}, {"hysteresis", alerts.hysteresis}, {"command", command}};
    if (!alerts.webhook.isEmpty()) {
        alertJson["webhook"] = alerts.webhook.toString().toStdString();
    }
    const json root = {{"version", 1},
                       {"mapping", mappingToJson(*this)},
                       {"teams", teams},
                       {"keys", keys},
                       {"alerts", alertJson}};
    return QByteArray::fromStdString(root.dump(2));
}

} // namespace raysec
