#include "core/gatewayclient/GatewayBundleWriter.h"

#include "core/common/SafeFile.h"
#include "core/gatewayclient/JobPolicyStore.h"
#include "core/keys/MinisignKeyPair.h"
#include "core/keys/MinisignSigner.h"
#include "core/keys/SigningKeyStore.h"
#include "core/passwords/UserAccounts.h"
#include "core/passwords/UserBundle.h"
#include "core/quotas/QuotaRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

namespace raysec {

namespace {

Q_LOGGING_CATEGORY(lcGatewayBundles, "raysec.core.gatewayclient.bundles")

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::GatewayBundleWriter)
};

Result<QuotaConfig> storedQuotas(Database& store)
{
    auto migrated = QuotaRepository::migrate(store);
    auto config = migrated ? QuotaRepository(store).load()
                           : Result<QuotaConfig>(std::unexpected(migrated.error()));
    auto valid = config ? config->validated() : Result<void>(std::unexpected(config.error()));
    if (!valid) {
        return fail(
            QStringLiteral("gateway.bundles-quotas"),
            Text::tr("The quota configuration saved in the console cannot be used for the "
                     "gateway policy: %1")
                .arg(valid.error().message),
            Text::tr("Correct it on the Quotas page or replace it with raysec-cli quotas set "
                     "--file FILE; no bundle was written."));
    }
    // The gateway admits jobs; alerting stays on the workstation.
    config->alerts = AlertSettings{};
    return config;
}

Result<void> writePolicy(const QString& path, const std::string& document,
                         const MinisignKeyPair& key, const QDateTime& now)
{
    const std::string trusted = "timestamp:" + std::to_string(now.toSecsSinceEpoch()) +
                                "\tfile:" + QFileInfo(path).fileName().toStdString() +
                                "\ttype:raysec-gateway-policy";
    auto signature =
        MinisignSigner::sign(key, document, trusted, "signature from raysec gateway policy");
    if (!signature) {
        return std::unexpected(signature.error());
    }
    if (auto ok = SafeFile::write(path, document); !ok) {
        return ok;
    }
    return SafeFile::write(path + QStringLiteral(".minisig"), *signature);
}

} // namespace

QStringList GatewayBundleFiles::paths(bool withUsers) const
{
    const QDir dir(folder);
    QStringList out{dir.filePath(policy), dir.filePath(policy) + QStringLiteral(".minisig")};
    if (withUsers) {
        out << dir.filePath(users) << dir.filePath(users) + QStringLiteral(".minisig");
    }
    out << dir.filePath(publicKey);
    return out;
}

QStringList WrittenGatewayBundles::files() const
{
    QStringList out{policyPath, policyPath + QStringLiteral(".minisig")};
    if (!usersPath.isEmpty()) {
        out << usersPath << usersPath + QStringLiteral(".minisig");
    }
    out << publicKeyPath;
    return out;
}

QString WrittenGatewayBundles::summary() const
{
    QString text = Text::tr("Signed the gateway policy %1 with key %2: %3 and %n saved quota "
                            "policies.",
                            nullptr, int(quotaPolicies))
                       .arg(policyPath, signingKeyId, jobPolicySource);
    text += QLatin1Char(' ');
    text += usersPath.isEmpty()
                ? Text::tr("No dashboard user exists yet, so no user store was written: add users "
                           "(raysec-cli users add) and export them with raysec-cli users export.")
                : Text::tr("Signed the user store %1 with %n dashboard users.", nullptr, int(users))
                      .arg(usersPath);
    return text;
}

Result<GatewayBundleSources> GatewayBundleWriter::collect(Database& store)
{
    auto migrated = JobPolicyStore::migrate(store);
    auto policy = migrated
                      ? JobPolicyStore(store).forBundles()
                      : Result<std::pair<JobPolicy, QString>>(std::unexpected(migrated.error()));
    if (!policy) {
        return std::unexpected(policy.error());
    }
    return collect(store, std::move(policy->first), std::move(policy->second));
}

Result<GatewayBundleSources> GatewayBundleWriter::collect(Database& store, JobPolicy jobPolicy,
                                                          QString jobPolicySource)
{
    auto quotas = storedQuotas(store);
    if (!quotas) {
        return std::unexpected(quotas.error());
    }
    UserAccounts accounts(store);
    auto migrated = accounts.migrate();
    auto users = migrated ? accounts.users().list()
                          : Result<QList<DashboardUser>>(std::unexpected(migrated.error()));
    auto policy =
        users ? accounts.policies().load() : Result<PasswordPolicy>(std::unexpected(users.error()));
    if (!policy) {
        return std::unexpected(policy.error());
    }
    return GatewayBundleSources{std::move(jobPolicy), std::move(jobPolicySource),
                                std::move(*quotas), std::move(*users), policy->hashing};
}

std::string GatewayBundleWriter::policyDocument(const JobPolicy& jobPolicy,
                                                const QuotaConfig& quotas,
                                                const QDateTime& generated)
{
    const QByteArray quotaText = quotas.toJson();
    nlohmann::ordered_json doc;
    doc["format"] = "raysec-gateway-policy";
    doc["version"] = 1;
    doc["generated"] = generated.toUTC().toString(Qt::ISODate).toStdString();
    doc["jobPolicy"] = jobPolicy.toJson();
    doc["quotas"] = nlohmann::ordered_json::parse(quotaText.begin(), quotaText.end());
    return doc.dump(2) + "\n";
}

Result<void> GatewayBundleWriter::checkFolder(const GatewayBundleFiles& files, bool withUsers,
                                              const std::optional<std::string>& publicKeyFile)
{
    if (files.folder.isEmpty() || !QDir(files.folder).exists()) {
        return fail(
            QStringLiteral("gateway.bundles-folder"),
            Text::tr("The folder \"%1\" does not exist; no bundle was written.").arg(files.folder),
            Text::tr("Create it first or choose another folder."));
    }
    if (files.replace) {
        return {};
    }
    const QString publicKeyPath = QDir(files.folder).filePath(files.publicKey);
    for (const QString& path : files.paths(withUsers)) {
        if (path == publicKeyPath && QFileInfo(path).isFile()) {
            if (!publicKeyFile) {
                continue;
            }
            const auto existing = SafeFile::read(path, 4096);
            if (existing && existing->toStdString() == *publicKeyFile) {
                continue;
            }
        }
        if (QFileInfo::exists(path)) {
            return fail(QStringLiteral("gateway.bundles-exist"),
                        Text::tr("%1 exists already; no bundle was written.").arg(path),
                        Text::tr("Choose another folder or ask to replace the files."));
        }
    }
    return {};
}

Result<WrittenGatewayBundles> GatewayBundleWriter::write(const GatewayBundleSources& sources,
                                                         const MinisignKeyPair& signingKey,
                                                         const GatewayBundleFiles& files,
                                                         const QDateTime& now)
{
    const bool withUsers = !sources.users.isEmpty();
    if (auto ok = checkFolder(files, withUsers, signingKey.publicKeyFile()); !ok) {
        return std::unexpected(ok.error());
    }
    const QDir dir(files.folder);
    WrittenGatewayBundles out;
    out.policyPath = dir.filePath(files.policy);
    out.usersPath = withUsers ? dir.filePath(files.users) : QString();
    out.publicKeyPath = dir.filePath(files.publicKey);
    out.signingKeyId = signingKey.keyIdHex();
    out.jobPolicySource = sources.jobPolicySource;
    out.quotaPolicies = sources.quotas.policies.size();
    out.users = sources.users.size();

    const std::string policy = policyDocument(sources.jobPolicy, sources.quotas, now);
    if (auto ok = writePolicy(out.policyPath, policy, signingKey, now); !ok) {
        return std::unexpected(ok.error());
    }
    if (withUsers) {
        const std::string users = UserBundle::document(sources.users, sources.hashing, now);
        if (auto ok = UserBundle::write(out.usersPath, users, signingKey); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (auto ok = SafeFile::write(out.publicKeyPath, signingKey.publicKeyFile()); !ok) {
        return std::unexpected(ok.error());
    }
    qCInfo(lcGatewayBundles) << "signed the gateway policy" << out.policyPath << "with"
                             << out.quotaPolicies << "quota policies and" << out.users
                             << "users, key" << out.signingKeyId;
    return out;
}

Error GatewayBundleWriter::signingKeyError(const Error& error)
{
    if (error.code != QLatin1String("keychain.not-found")) {
        return {error.code, error.message,
                Text::tr("%1 The bundles are signed with the workstation's signing key from the "
                         "keychain; nothing was written.")
                    .arg(error.hint)};
    }
    return {QStringLiteral("gateway.bundles-no-signing-key"),
            Text::tr("This workstation has no signing key yet, so the gateway's bundles cannot be "
                     "signed; nothing was written."),
            Text::tr("Publish the key registry first (raysec-cli keys export --out FOLDER, or the "
                     "Keys page), which creates the key, or restore a backup with raysec-cli keys "
                     "restore FILE; then try again.")};
}

void GatewayBundleWriter::publish(SigningKeyStore& signing, QObject* context,
                                  GatewayBundleSources sources, GatewayBundleFiles files, Done done)
{
    if (auto ok = checkFolder(files, !sources.users.isEmpty()); !ok) {
        done(std::unexpected(ok.error()));
        return;
    }
    signing.loadExisting(context, [sources = std::move(sources), files = std::move(files),
                                   done](Result<MinisignKeyPair> key) {
        if (!key) {
            done(std::unexpected(signingKeyError(key.error())));
            return;
        }
        done(write(sources, *key, files, QDateTime::currentDateTimeUtc()));
    });
}

} // namespace raysec
