#include "core/gatewayclient/GatewayConfigWriter.h"

#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

namespace raysec {

namespace {

Q_LOGGING_CATEGORY(lcGatewayConfig, "raysec.core.gatewayclient.config")

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayConfigWriter)
};

} // namespace

nlohmann::ordered_json GatewayConfigWriter::policySkeleton()
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return {{"format", "raysec-gateway-policy"},
            {"version", 1},
            {"generated", now.toStdString()},
            {"jobPolicy", nlohmann::ordered_json::object()},
            {"quotas", nlohmann::ordered_json::object()}};
}

Result<void> GatewayConfigWriter::check(const GatewayConfig& config, const QString& folder,
                                        bool replace, Policy policy)
{
    if (auto ok = config.validated(); !ok) {
        return ok;
    }
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists()) {
        return fail(QStringLiteral("gateway.config-folder"),
                    Text::tr("The folder \"%1\" does not exist.").arg(folder),
                    Text::tr("Create it first or choose another folder."));
    }
    QStringList paths{dir.filePath(QString::fromLatin1(configFileName))};
    if (policy == Policy::Skeleton) {
        paths << dir.filePath(QString::fromLatin1(policyExampleFileName));
    }
    for (const QString& path : paths) {
        if (!replace && QFileInfo::exists(path)) {
            return fail(QStringLiteral("gateway.config-exists"),
                        Text::tr("%1 exists already; nothing was written.").arg(path),
                        Text::tr("Choose another folder or ask to replace the files."));
        }
    }
    return {};
}

Result<QStringList> GatewayConfigWriter::write(const GatewayConfig& config, const QString& folder,
                                               bool replace, Policy policy)
{
    if (auto ok = check(config, folder, replace, policy); !ok) {
        return std::unexpected(ok.error());
    }
    const QDir dir(folder);
    const QString configPath = dir.filePath(QString::fromLatin1(configFileName));
    const QString policyPath = dir.filePath(QString::fromLatin1(policyExampleFileName));

    // The configuration holds paths and limits, no secret, so it is readable by the gateway's
    // own user after installation.
    const std::string configText = config.toJson().dump(2) + "\n";
    if (auto ok = SafeFile::write(configPath, configText); !ok) {
        return std::unexpected(ok.error());
    }
    qCInfo(lcGatewayConfig) << "wrote gateway configuration to" << folder;
    if (policy == Policy::Signed) {
        return QStringList{configPath};
    }
    const std::string policyText = policySkeleton().dump(2) + "\n";
    if (auto ok = SafeFile::write(policyPath, policyText); !ok) {
        return std::unexpected(ok.error());
    }
    return QStringList{configPath, policyPath};
}

} // namespace raysec
