#include "core/validation/JobPolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::JobPolicy)
};

Result<QStringList> list(const nlohmann::json& root, const char* key, const QString& fileName)
{
    const auto it = root.find(key);
    if (it == root.end() || !it->is_array()) {
        return fail(QStringLiteral("validation.policy.invalid"),
                    Text::tr("%1: \"%2\" must be a list of strings.")
                        .arg(fileName, QString::fromLatin1(key)),
                    Text::tr("Correct the policy file."));
    }
    QStringList out;
    for (const auto& item : *it) {
        if (!item.is_string() || item.get<std::string>().empty()) {
            return fail(QStringLiteral("validation.policy.invalid"),
                        Text::tr("%1: \"%2\" must hold non-empty strings only.")
                            .arg(fileName, QString::fromLatin1(key)),
                        Text::tr("Correct the policy file."));
        }
        out.append(QString::fromStdString(item.get<std::string>()));
    }
    return out;
}

nlohmann::ordered_json jsonList(const QStringList& items)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const QString& item : items) {
        out.push_back(item.toStdString());
    }
    return out;
}

} // namespace

JobPolicy JobPolicy::defaults()
{
    JobPolicy policy;
    policy.allowedHosts = {QStringLiteral("pypi.org"), QStringLiteral("files.pythonhosted.org")};
    policy.allowedSchemes = {QStringLiteral("gcs")}; // packages the Ray client uploaded itself
    policy.allowedPrograms = {QStringLiteral("python"), QStringLiteral("python3")};
    policy.forbiddenTokens = {
        QStringLiteral("|"),   QStringLiteral(";"),    QStringLiteral("&&"),
        QStringLiteral("`"),   QStringLiteral("$("),   QStringLiteral(">"),
        QStringLiteral("<"),   QStringLiteral("curl"), QStringLiteral("wget"),
        QStringLiteral("nc "), QStringLiteral(" -c "), QStringLiteral("base64")};
    return policy;
}

Result<JobPolicy> JobPolicy::parse(const QByteArray& bytes, const QString& fileName)
{
    const auto root = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object() ||
        root.value("format", std::string()) != "raysec-job-policy" ||
        root.value("formatVersion", 0) != formatVersion) {
        return fail(QStringLiteral("validation.policy.invalid"),
                    Text::tr("%1 is not a job policy of format version %2.")
                        .arg(fileName)
                        .arg(formatVersion),
                    Text::tr("Export the policy again from Raysec."));
    }
    JobPolicy policy;
    QStringList* targets[] = {&policy.allowedHosts, &policy.allowedSchemes, &policy.allowedPrograms,
                              &policy.forbiddenTokens};
    const char* keys[] = {"allowedHosts", "allowedSchemes", "allowedPrograms", "forbiddenTokens"};
    for (std::size_t i = 0; i < 4; ++i) {
        auto values = list(root, keys[i], fileName);
        if (!values) {
            return std::unexpected(values.error());
        }
        *targets[i] = *values;
    }
    const auto length = root.find("maxEntrypointLength");
    if (length == root.end() || !length->is_number_integer() || length->get<int>() < 1) {
        return fail(
            QStringLiteral("validation.policy.invalid"),
            Text::tr("%1: \"maxEntrypointLength\" must be a positive number.").arg(fileName),
            Text::tr("Correct the policy file."));
    }
    policy.maxEntrypointLength = length->get<int>();
    if (auto checked = policy.check(); !checked) {
        Error error = checked.error();
        error.message = QStringLiteral("%1: %2").arg(fileName, error.message);
        return std::unexpected(error);
    }
    return policy;
}

Result<void> JobPolicy::check() const
{
    // A DNS name or IPv4 address, optionally "*." for every name below a domain.
    static const QRegularExpression hostPattern(
        QStringLiteral("^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                       "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$"));
    static const QRegularExpression schemePattern(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*$"));
    static const QRegularExpression wordPattern(QStringLiteral("^\\S+$"));
    const auto refuse = [](const QString& message) {
        return fail(QStringLiteral("validation.policy.invalid"), message,
                    Text::tr("Correct the entry; nothing was changed."));
    };
    // Each list with the form its entries must have and what to say of one that has not.
    const struct
    {
        const QStringList& entries;
        const QRegularExpression& pattern;
        QString complaint;
    } lists[] = {
        {allowedHosts, hostPattern,
         Text::tr("\"%1\" is not a host name. Give the host alone, without scheme, port or "
                  "path, like pypi.org, or *.corp.example for every host below corp.example.")},
        {allowedSchemes, schemePattern,
         Text::tr("\"%1\" is not a URI scheme. Give the scheme alone, without \"://\", like gcs "
                  "or s3.")},
        {allowedPrograms, wordPattern,
         Text::tr("\"%1\" is not a single program name. An entrypoint is matched by its first "
                  "word, so give that word alone, like python3.")},
    };
    for (const auto& list : lists) {
        for (const QString& entry : list.entries) {
            if (!list.pattern.match(entry).hasMatch()) {
                return refuse(list.complaint.arg(entry));
            }
        }
    }
    for (const QString& token : forbiddenTokens) {
        if (token.isEmpty()) {
            return refuse(Text::tr("A forbidden text is empty; it would refuse every job."));
        }
    }
    if (maxEntrypointLength < 1) {
        return refuse(Text::tr("The longest entrypoint must be at least one character."));
    }
    return {};
}

nlohmann::ordered_json JobPolicy::toJson() const
{
    nlohmann::ordered_json json;
    json["format"] = "raysec-job-policy";
    json["formatVersion"] = formatVersion;
    json["allowedHosts"] = jsonList(allowedHosts);
    json["allowedSchemes"] = jsonList(allowedSchemes);
    json["allowedPrograms"] = jsonList(allowedPrograms);
    json["forbiddenTokens"] = jsonList(forbiddenTokens);
    json["maxEntrypointLength"] = maxEntrypointLength;
    return json;
}

bool JobPolicy::hostAllowed(const QString& host) const
{
    const QString h = host.toLower();
    for (const QString& allowed : allowedHosts) {
        if (allowed.startsWith(QLatin1String("*.")) ? h.endsWith(allowed.mid(1).toLower())
                                                    : h == allowed.toLower()) {
            return true;
        }
    }
    return false;
}

} // namespace raysec
