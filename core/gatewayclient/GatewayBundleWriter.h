#pragma once

#include "core/common/Error.h"
#include "core/passwords/DashboardUser.h"
#include "core/passwords/HashParameters.h"
#include "core/quotas/QuotaConfig.h"
#include "core/validation/JobPolicy.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <optional>
#include <string>

namespace raysec {

class Database;
class MinisignKeyPair;
class SigningKeyStore;

// What the gateway's policy and user bundles are made of, read from the console's store: the
// job policy, the saved quota configuration (alert settings stay on the workstation: a webhook
// URL can carry a secret) and the dashboard users with their hashing parameters.
struct GatewayBundleSources
{
    JobPolicy jobPolicy;
    QString jobPolicySource; // where the job policy came from, for the summary
    QuotaConfig quotas;
    QList<DashboardUser> users;
    HashParameters hashing;
};

// Where the bundles go: file names inside one folder, as gateway.json names them.
struct GatewayBundleFiles
{
    QString folder;
    QString policy = QStringLiteral("policy.json");
    QString users = QStringLiteral("users.json");
    QString publicKey = QStringLiteral("raysec-registry.pub");
    bool replace = false;

    // The files write() would produce (each bundle with its .minisig).
    QStringList paths(bool withUsers) const;
};

// What write() produced; usersPath is empty when the console has no dashboard user yet.
struct WrittenGatewayBundles
{
    QString policyPath;
    QString usersPath;
    QString publicKeyPath;
    QString signingKeyId;
    QString jobPolicySource;
    qsizetype quotaPolicies = 0;
    qsizetype users = 0;

    QStringList files() const;
    // Which bundles were written and from what, in a sentence or two for a person.
    QString summary() const;
};

// Builds the gateway's signed bundles from what the console knows: the policy bundle
// (raysec-gateway-policy version 1: job policy and quotas) and the dashboard user store
// (raysec-dashboard-users), each signed in minisign's format with the workstation's signing
// key, the same key that signs the key registry; its public half is written beside them.
class GatewayBundleWriter
{
public:
    using Done = std::function<void(Result<WrittenGatewayBundles>)>;

    // Reads the quota configuration and the users from the store; a stored configuration that
    // does not parse or validate is an error, and nothing is built from it.
    static Result<GatewayBundleSources> collect(Database& store, JobPolicy jobPolicy,
                                                QString jobPolicySource);
    // The same with the job policy saved in the store, or Raysec's recommended one.
    static Result<GatewayBundleSources> collect(Database& store);

    static std::string policyDocument(const JobPolicy& jobPolicy, const QuotaConfig& quotas,
                                      const QDateTime& generated);

    // Writes the bundles, their signatures and the public key. Refuses, writing nothing, when
    // the folder does not exist or (unless files.replace) a file exists already.
    static Result<WrittenGatewayBundles> write(const GatewayBundleSources& sources,
                                               const MinisignKeyPair& signingKey,
                                               const GatewayBundleFiles& files,
                                               const QDateTime& now);

    // Reads the existing signing key (never creates one) and writes. A missing key or a
    // locked keychain is an error that says what to do; nothing is written then.
    static void publish(SigningKeyStore& signing, QObject* context, GatewayBundleSources sources,
                        GatewayBundleFiles files, Done done);

    // A folder and existence check without writing, so that callers can refuse early. The
    // public key file may exist already when it holds exactly publicKeyFile (the registry's
    // export writes the same file); before the key is known (nullopt) it is left to the
    // check that write() makes.
    static Result<void> checkFolder(const GatewayBundleFiles& files, bool withUsers,
                                    const std::optional<std::string>& publicKeyFile = {});
    // A keychain error while reading the signing key, told as what to do about the bundles.
    static Error signingKeyError(const Error& keychainError);
};

} // namespace raysec
