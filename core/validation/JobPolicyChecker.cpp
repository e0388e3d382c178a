#include "core/validation/JobPolicyChecker.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::JobPolicyChecker)
};

QString text(const nlohmann::json& value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// pip and uv options that point the installer at another index or at raw files.
const QStringList indexOptions = {
    QStringLiteral("-i"), QStringLiteral("--index-url"),  QStringLiteral("--extra-index-url"),
    QStringLiteral("-f"), QStringLiteral("--find-links"), QStringLiteral("--trusted-host")};

} // namespace

JobPolicyChecker::JobPolicyChecker(JobPolicy policy)
    : m_policy(std::move(policy))
{
}

void JobPolicyChecker::checkLocation(const QString& field, const QString& location,
                                     QList<PolicyViolation>& out) const
{
    static const QRegularExpression uriPattern(QStringLiteral("([a-zA-Z][a-zA-Z0-9+.-]*)://\\S+"));
    auto matches = uriPattern.globalMatch(location);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString scheme = match.captured(1).toLower();
        if (m_policy.allowedSchemes.contains(scheme)) {
            continue;
        }
        const QUrl url(match.captured(0).mid(scheme.startsWith(QLatin1String("git+")) ? 4 : 0));
        if ((scheme.endsWith(QLatin1String("https")) || scheme.endsWith(QLatin1String("http"))) &&
            m_policy.hostAllowed(url.host())) {
            continue;
        }
        out.append(
            {field, QStringLiteral("runtime-env-url"),
             Text::tr("%1 fetches code from a location the job policy does not allow.").arg(field),
             location});
    }
}

void JobPolicyChecker::checkPackages(const QString& field, const nlohmann::json& spec,
                                     QList<PolicyViolation>& out) const
{
    const nlohmann::json& list = spec.is_object() ? spec.value("packages", nlohmann::json()) : spec;
    if (list.is_string()) {
        checkLocation(field, text(list), out);
        return;
    }
    if (!list.is_array()) {
        return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const QString entry = text(list[i]).trimmed();
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        const QString option = entry.section(QRegularExpression(QStringLiteral("[\\s=]")), 0, 0);
        if (indexOptions.contains(option) && !entry.contains(QLatin1String("://"))) {
            out.append({where, QStringLiteral("runtime-env-pip-option"),
                        Text::tr("%1 changes where packages come from.").arg(where), entry});
            continue;
        }
        checkLocation(where, entry, out);
    }
}

QList<PolicyViolation> JobPolicyChecker::checkRuntimeEnv(const nlohmann::json& env) const
{
    QList<PolicyViolation> out;
    if (!env.is_object()) {
        return out;
    }
    for (const char* key : {"pip", "uv"}) {
        if (env.contains(key)) {
            checkPackages(QStringLiteral("runtime_env.%1").arg(QLatin1String(key)), env[key], out);
        }
    }
    if (env.contains("conda") && env["conda"].is_object()) {
        const auto& conda = env["conda"];
        for (const auto& channel : conda.value("channels", nlohmann::json::array())) {
            checkLocation(QStringLiteral("runtime_env.conda.channels"), text(channel), out);
        }
        for (const auto& dep : conda.value("dependencies", nlohmann::json::array())) {
            if (dep.is_object() && dep.contains("pip")) {
                checkPackages(QStringLiteral("runtime_env.conda.pip"), dep["pip"], out);
            }
        }
    }
    if (env.contains("working_dir")) {
        checkLocation(QStringLiteral("runtime_env.working_dir"), text(env["working_dir"]), out);
    }
    for (const char* key : {"py_modules", "java_jars"}) {
        for (const auto& item : env.value(key, nlohmann::json::array())) {
            checkLocation(QStringLiteral("runtime_env.%1").arg(QLatin1String(key)), text(item),
                          out);
        }
    }
    return out;
}

QList<PolicyViolation> JobPolicyChecker::checkEntrypoint(const QString& entrypoint) const
{
    QList<PolicyViolation> out;
    const QString field = QStringLiteral("entrypoint");
    if (entrypoint.trimmed().isEmpty()) {
        out.append(
            {field, QStringLiteral("entrypoint-empty"), Text::tr("The entrypoint is empty."), {}});
        return out;
    }
    if (entrypoint.size() > m_policy.maxEntrypointLength) {
        out.append({field, QStringLiteral("entrypoint-length"),
                    Text::tr("The entrypoint is longer than %1 characters.")
                        .arg(m_policy.maxEntrypointLength),
                    entrypoint.left(200)});
    }
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x08\\x0a-\\x1f\\x7f]"));
    if (entrypoint.contains(control)) {
        out.append({field, QStringLiteral("entrypoint-control"),
                    Text::tr("The entrypoint contains control characters."), entrypoint});
    }
    const QString program = entrypoint.trimmed().section(QLatin1Char(' '), 0, 0);
    if (!m_policy.allowedPrograms.contains(program)) {
        out.append(
            {field, QStringLiteral("entrypoint-program"),
             Text::tr("The entrypoint runs %1, which the job policy does not list.").arg(program),
             entrypoint});
    }
    for (const QString& token : m_policy.forbiddenTokens) {
        if (entrypoint.contains(token)) {
            out.append({field, QStringLiteral("entrypoint-token"),
                        Text::tr("The entrypoint contains \"%1\", which the job policy forbids.")
                            .arg(token.trimmed()),
                        entrypoint});
        }
    }
    return out;
}

QList<PolicyViolation> JobPolicyChecker::check(const nlohmann::json& job) const
{
    QList<PolicyViolation> out = checkEntrypoint(text(job.value("entrypoint", nlohmann::json())));
    out += checkRuntimeEnv(job.value("runtime_env", nlohmann::json()));
    return out;
}

} // namespace raysec
