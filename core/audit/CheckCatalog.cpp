#include "core/audit/CheckCatalog.h"

#include "core/audit/JsonFields.h"
#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace raysec {

namespace {

const QString errorCode = QStringLiteral("audit.checks.invalid");

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::CheckCatalog)
};

Result<void> readTexts(const jsonfields::Reader& r, Check& check)
{
    auto title = r.string("title");
    auto pass = title ? r.string("pass") : title;
    auto failText = pass ? r.string("fail") : pass;
    auto remediation = failText ? r.string("remediation") : failText;
    auto probe = remediation ? r.string("probe") : remediation;
    auto references = r.stringList("references");
    if (!probe) {
        return std::unexpected(probe.error());
    }
    if (!references) {
        return std::unexpected(references.error());
    }
    check.title = *title;
    check.passText = *pass;
    check.failText = *failText;
    check.remediation = *remediation;
    check.probe = *probe;
    check.references = *references;
    return {};
}

Result<void> readClassification(const jsonfields::Reader& r, Check& check)
{
    static const QRegularExpression idPattern(QStringLiteral("^RAY-[0-9]+\\.[0-9]+$"));
    static const QRegularExpression mitigationPattern(QStringLiteral("^M[1-9]$"));
    auto mitigation = r.string("mitigation");
    auto severity = mitigation ? r.string("severity") : mitigation;
    if (!severity) {
        return std::unexpected(severity.error());
    }
    if (!idPattern.match(check.id).hasMatch()) {
        return std::unexpected(r.error("id", Text::tr("of the form RAY-<n>.<n>")));
    }
    if (!mitigationPattern.match(*mitigation).hasMatch()) {
        return std::unexpected(r.error("mitigation", Text::tr("one of M1 to M9")));
    }
    const auto level = severityFromName(*severity);
    if (!level) {
        return std::unexpected(
            r.error("severity", Text::tr("note, low, medium, high or critical")));
    }
    if (!CheckCatalog::probeNames().contains(check.probe)) {
        return std::unexpected(r.error("probe", Text::tr("the name of a known probe")));
    }
    check.mitigation = *mitigation;
    check.severity = *level;
    return {};
}

Result<void> readFixAndParams(const jsonfields::Reader& r, Check& check)
{
    const auto params = r.object.find("params");
    if (params != r.object.end() && !params->is_object()) {
        return std::unexpected(r.error("params", Text::tr("an object")));
    }
    if (params != r.object.end()) {
        check.params = *params;
    }
    const auto fix = r.object.find("fix");
    if (fix == r.object.end() || !fix->is_object()) {
        return std::unexpected(
            r.error("fix", Text::tr("an object with \"kind\" and \"description\"")));
    }
    const jsonfields::Reader fixReader{*fix, r.where + QStringLiteral(" fix"), r.code};
    auto kind = fixReader.string("kind");
    auto description = kind ? fixReader.string("description") : kind;
    if (!description) {
        return std::unexpected(description.error());
    }
    if (!CheckCatalog::fixKinds().contains(*kind)) {
        return std::unexpected(fixReader.error("kind", Text::tr("a known fix kind")));
    }
    check.fixKind = *kind;
    check.fixDescription = *description;
    return {};
}

Result<Check> readCheck(const nlohmann::json& object, int index)
{
    if (!object.is_object()) {
        return fail(errorCode, Text::tr("Check number %1 is not an object.").arg(index + 1));
    }
    Check check;
    const jsonfields::Reader idReader{object, Text::tr("check number %1").arg(index + 1),
                                      errorCode};
    auto id = idReader.string("id");
    if (!id) {
        return std::unexpected(id.error());
    }
    check.id = *id;
    const jsonfields::Reader r{object, Text::tr("check %1").arg(check.id), errorCode};
    if (auto ok = readTexts(r, check); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = readClassification(r, check); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = readFixAndParams(r, check); !ok) {
        return std::unexpected(ok.error());
    }
    return check;
}

} // namespace

QStringList CheckCatalog::probeNames()
{
    return {QStringLiteral("dashboard-unauthenticated"),
            QStringLiteral("token-auth-mode"),
            QStringLiteral("version-advisories"),
            QStringLiteral("browser-guard"),
            QStringLiteral("transport-https"),
            QStringLiteral("tls-protocol"),
            QStringLiteral("tls-certificate"),
            QStringLiteral("tls-expiry"),
            QStringLiteral("tls-key-strength"),
            QStringLiteral("ports-reachable"),
            QStringLiteral("rate-limit"),
            QStringLiteral("quota-policy"),
            QStringLiteral("job-runtime-env"),
            QStringLiteral("job-entrypoint")};
}

QStringList CheckCatalog::fixKinds()
{
    return {QStringLiteral("gateway-config"), QStringLiteral("ray-token"),
            QStringLiteral("upgrade"),        QStringLiteral("tls-bundle"),
            QStringLiteral("network-policy"), QStringLiteral("rate-limit-policy"),
            QStringLiteral("quota-policy"),   QStringLiteral("job-policy"),
            QStringLiteral("manual")};
}

Result<CheckCatalog> CheckCatalog::builtIn()
{
    return fromFile(QStringLiteral(":/raysec/audit/checks.json"));
}

Result<CheckCatalog> CheckCatalog::fromFile(const QString& path)
{
    auto bytes = SafeFile::read(path, 4 * 1024 * 1024);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return parse(*bytes, path);
}

Result<CheckCatalog> CheckCatalog::parse(const QByteArray& bytes, const QString& fileName)
{
    auto root =
        jsonfields::parseEnvelope(bytes, "raysec-audit-checks", formatVersion, errorCode, fileName);
    if (!root) {
        return std::unexpected(root.error());
    }
    const auto list = root->find("checks");
    if (list == root->end() || !list->is_array() || list->empty()) {
        return fail(errorCode, Text::tr("%1 has no \"checks\" list.").arg(fileName));
    }
    CheckCatalog catalog;
    QSet<QString> seen;
    for (int i = 0; i < int(list->size()); ++i) {
        auto check = readCheck(list->at(std::size_t(i)), i);
        if (!check) {
            return std::unexpected(check.error());
        }
        if (seen.contains(check->id)) {
            return fail(errorCode, Text::tr("%1 lists check %2 twice.").arg(fileName, check->id));
        }
        seen.insert(check->id);
        catalog.m_checks.append(std::move(*check));
    }
    return catalog;
}

const Check* CheckCatalog::find(const QString& id) const
{
    for (const Check& check : m_checks) {
        if (check.id == id) {
            return &check;
        }
    }
    return nullptr;
}

} // namespace raysec
