#include "core/keys/RayClusterToken.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <sodium.h>

#include <algorithm>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayClusterToken)
};

// Kubernetes object names: DNS-1123 subdomain.
bool validKubeName(const QString& name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && pattern.match(name).hasMatch();
}

} // namespace

SecretBuffer RayClusterToken::generate()
{
    if (sodium_init() < 0) {
        qFatal("libsodium could not be initialised");
    }
    SecretBuffer raw(Length / 2);
    randombytes_buf(raw.data(), raw.size());
    SecretBuffer hex(Length + 1); // sodium_bin2hex writes a terminating NUL
    sodium_bin2hex(hex.data(), hex.size(), raw.bytes().data(), raw.size());
    hex.truncate(Length);
    return hex;
}

Result<void> RayClusterToken::check(const SecretBuffer& token)
{
    const auto view = token.view();
    const bool hex = std::all_of(view.begin(), view.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
    if (view.size() != Length || !hex) {
        return fail(QStringLiteral("raytoken.format"),
                    Text::tr("A Ray cluster token is 64 lower-case hex characters."),
                    Text::tr("Generate one with \"raysec-cli token generate\"."));
    }
    return {};
}

std::string RayClusterToken::envFile(const QString& tokenPath)
{
    return "# Ray token authentication (Ray 2.52 or later); the token file must be mode 0600.\n"
           "RAY_AUTH_MODE=token\n"
           "RAY_AUTH_TOKEN_PATH=" +
           tokenPath.toStdString() + "\n";
}

Result<SecretBuffer> RayClusterToken::kubernetesSecret(const SecretBuffer& token,
                                                       const QString& name,
                                                       const QString& kubeNamespace)
{
    if (!validKubeName(name) || !validKubeName(kubeNamespace)) {
        return fail(
            QStringLiteral("raytoken.kube-name"),
            Text::tr("\"%1\" or \"%2\" is not a valid Kubernetes name.").arg(name, kubeNamespace),
            Text::tr("Use lower-case letters, digits and hyphens."));
    }
    SecretBuffer encoded(sodium_base64_ENCODED_LEN(token.size(), sodium_base64_VARIANT_ORIGINAL));
    sodium_bin2base64(encoded.data(), encoded.size(), token.bytes().data(), token.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    encoded.truncate(encoded.size() - 1);

    SecretBuffer manifest;
    const std::string head =
        "# Mount this Secret on every Ray pod and set RAY_AUTH_MODE=token and\n"
        "# RAY_AUTH_TOKEN_PATH to the mounted auth_token file.\n"
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: " +
        name.toStdString() + "\n  namespace: " + kubeNamespace.toStdString() +
        "\ntype: Opaque\ndata:\n  auth_token: ";
    manifest.append(head);
    manifest.append(encoded.view());
    manifest.append("\n");
    return manifest;
}

QStringList RayClusterToken::rotationSteps(const QString& profile, const QString& tokenPath)
{
    return {
        Text::tr("Generate a new token: raysec-cli token generate %1 --replace").arg(profile),
        Text::tr("Export it to every node: raysec-cli token export %1 --token-file %2 --env-file "
                 "ray.env")
            .arg(profile, tokenPath),
        Text::tr(
            "Stop the cluster (ray stop on every node, or scale the RayCluster to zero): Ray reads "
            "the token only at start, so running nodes keep the old one."),
        Text::tr(
            "Start the head and the workers again with the new env file or Kubernetes Secret."),
        Text::tr(
            "Give the new token to every client and job submitter; the old token stops working "
            "as soon as the cluster restarts."),
    };
}

} // namespace raysec
