#include "core/store/ClusterProfile.h"

#include "core/store/Keychain.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ClusterProfile)
};

} // namespace

QString ClusterProfile::keychainService() const
{
    return Keychain::profileService(name);
}

bool ClusterProfile::isPlainHttp() const
{
    return dashboardUrl.scheme() == QLatin1String("http");
}

bool ClusterProfile::isLoopback() const
{
    const QString host = dashboardUrl.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QList<ClusterProfile::FieldError> ClusterProfile::validate() const
{
    QList<FieldError> errors;
    static const QRegularExpression namePattern(
        QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$"));
    if (!namePattern.match(name).hasMatch()) {
        errors.append({QStringLiteral("name"),
                       Text::tr("Use 1 to 64 letters, digits, spaces, dots, dashes or underscores, "
                                "starting with a letter or digit.")});
    }

    const QString scheme = dashboardUrl.scheme();
    if (!dashboardUrl.isValid() || dashboardUrl.host().isEmpty()) {
        errors.append(
            {QStringLiteral("url"),
             Text::tr("Enter the dashboard address, such as https://ray-head.example:8443.")});
    } else if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        errors.append({QStringLiteral("url"), Text::tr("The address must start with https://.")});
    } else if (isPlainHttp() && !isLoopback()) {
        errors.append(
            {QStringLiteral("url"),
             Text::tr("Plain http is only allowed to this machine (127.0.0.1 or localhost); "
                      "put the dashboard behind HTTPS, for example the Raysec gateway.")});
    } else if (!dashboardUrl.userInfo().isEmpty()) {
        errors.append({QStringLiteral("url"),
                       Text::tr("Do not put credentials in the address; choose an authentication "
                                "method instead.")});
    }

    if (trust == TrustMode::CaBundle && !QFileInfo(caBundlePath).isReadable()) {
        errors.append(
            {QStringLiteral("caBundle"), Text::tr("Choose a readable CA bundle file (PEM).")});
    }
    if (trust == TrustMode::PinnedSpki) {
        const QByteArray pin = QByteArray::fromBase64(pinnedSpkiSha256.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (pin.size() != 32) {
            errors.append({QStringLiteral("pin"),
                           Text::tr("A pin is the base64 SHA-256 of the certificate's public key "
                                    "(44 characters ending in '=').")});
        }
    }
    if (clientCertPath.isEmpty() != clientKeyPath.isEmpty()) {
        errors.append(
            {QStringLiteral("clientCert"),
             Text::tr("A client certificate needs its private key, and the other way round.")});
    }
    for (const QString& path : {clientCertPath, clientKeyPath}) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
            errors.append({QStringLiteral("clientCert"), Text::tr("Cannot read %1.").arg(path)});
        }
    }
    if (refreshSeconds < 1 || refreshSeconds > 3600) {
        errors.append({QStringLiteral("refresh"),
                       Text::tr("Choose a refresh interval between 1 second and 1 hour.")});
    }
    return errors;
}

Result<void> ClusterProfile::validated() const
{
    const QList<FieldError> errors = validate();
    if (errors.isEmpty()) {
        return {};
    }
    QStringList lines;
    for (const FieldError& e : errors) {
        lines.append(e.message);
    }
    return fail(QStringLiteral("profile.invalid"), Text::tr("The profile is not valid:"),
                lines.join(QLatin1Char(' ')));
}

QString ClusterProfile::trustName(TrustMode mode)
{
    switch (mode) {
    case TrustMode::SystemCas:
        return QStringLiteral("system");
    case TrustMode::CaBundle:
        return QStringLiteral("ca-bundle");
    case TrustMode::PinnedSpki:
        return QStringLiteral("pin");
    }
    return {};
}

std::optional<TrustMode> ClusterProfile::trustFromName(const QString& name)
{
    for (TrustMode m : {TrustMode::SystemCas, TrustMode::CaBundle, TrustMode::PinnedSpki}) {
        if (trustName(m) == name) {
            return m;
        }
    }
    return std::nullopt;
}

QString ClusterProfile::authName(AuthMode mode)
{
    switch (mode) {
    case AuthMode::None:
        return QStringLiteral("none");
    case AuthMode::RayToken:
        return QStringLiteral("ray-token");
    case AuthMode::GatewayApiKey:
        return QStringLiteral("api-key");
    }
    return {};
}

std::optional<AuthMode> ClusterProfile::authFromName(const QString& name)
{
    for (AuthMode m : {AuthMode::None, AuthMode::RayToken, AuthMode::GatewayApiKey}) {
        if (authName(m) == name) {
            return m;
        }
    }
    return std::nullopt;
}

} // namespace raysec
