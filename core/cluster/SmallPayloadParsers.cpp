// The small answers (/api/version, /api/authentication_mode) through nlohmann_json.

#include "core/cluster/ClusterErrors.h"
#include "core/cluster/RayEndpoints.h"
#include "core/cluster/RayParsers.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace raysec::RayParsers {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayParsers)
};

Result<nlohmann::json> parseObject(const QByteArray& body, const QString& endpoint)
{
    nlohmann::json doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr,
                                               /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return std::unexpected(ClusterErrors::invalidJson(endpoint, Text::tr("not JSON")));
    }
    if (!doc.is_object()) {
        return std::unexpected(
            ClusterErrors::malformed(endpoint, Text::tr("the document"), Text::tr("an object")));
    }
    return doc;
}

// A string member: required ones must be present and non-null.
Result<QString> stringMember(const nlohmann::json& obj, const char* key, const QString& endpoint,
                             bool required, std::size_t maxLength = 256)
{
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (required) {
            return std::unexpected(
                ClusterErrors::malformed(endpoint, QString::fromLatin1(key), Text::tr("a string")));
        }
        return QString();
    }
    if (!it->is_string() || it->get_ref<const std::string&>().size() > maxLength) {
        return std::unexpected(
            ClusterErrors::malformed(endpoint, QString::fromLatin1(key),
                                     Text::tr("a string of at most %1 bytes").arg(maxLength)));
    }
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

Result<VersionInfo> parseVersion(const QByteArray& body)
{
    const QString endpoint = QString::fromLatin1(RayEndpoints::version);
    auto doc = parseObject(body, endpoint);
    if (!doc) {
        return std::unexpected(doc.error());
    }
    VersionInfo info;
    for (auto [key, target, required] : {std::tuple{"version", &info.apiVersion, false},
                                         std::tuple{"ray_version", &info.rayVersion, true},
                                         std::tuple{"ray_commit", &info.rayCommit, false},
                                         std::tuple{"session_name", &info.sessionName, false}}) {
        auto value = stringMember(*doc, key, endpoint, required);
        if (!value) {
            return std::unexpected(value.error());
        }
        *target = *value;
    }
    if (info.rayVersion.isEmpty()) {
        return std::unexpected(ClusterErrors::malformed(endpoint, QStringLiteral("ray_version"),
                                                        Text::tr("a version such as 2.52.0")));
    }
    return info;
}

Result<AuthModeSeen> parseAuthMode(const QByteArray& body)
{
    const QString endpoint = QString::fromLatin1(RayEndpoints::authenticationMode);
    auto doc = parseObject(body, endpoint);
    if (!doc) {
        return std::unexpected(doc.error());
    }
    auto mode = stringMember(*doc, "authentication_mode", endpoint, true);
    if (!mode) {
        return std::unexpected(mode.error());
    }
    if (*mode == QLatin1String("token")) {
        return AuthModeSeen::Token;
    }
    if (*mode == QLatin1String("disabled")) {
        return AuthModeSeen::Disabled;
    }
    // A mode this version of Raysec does not know; the snapshot says so rather than guessing.
    return AuthModeSeen::Unknown;
}

} // namespace raysec::RayParsers
