// Probes of the dashboard's transport: scheme, TLS protocol and certificate.

#include "core/audit/ProbeContext.h"
#include "core/audit/Probes.h"

#include <QCoreApplication>
#include <QSslKey>

namespace raysec::probes {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::probes)
};

bool isHttps(ProbeContext& ctx)
{
    return ctx.transport().baseUrl().scheme() == QLatin1String("https");
}

QList<Evidence> tlsEvidence(ProbeContext& ctx)
{
    const TlsSnapshot& tls = ctx.tls();
    const QUrl url = ctx.transport().baseUrl();
    QString excerpt = tls.connected ? tls.protocol : tls.error;
    if (!tls.chain.isEmpty()) {
        const QSslCertificate& leaf = tls.chain.first();
        excerpt +=
            Text::tr("; subject %1; expires %2")
                .arg(leaf.subjectDisplayName(), leaf.expiryDate().toUTC().toString(Qt::ISODate));
    }
    for (const QString& e : tls.verificationErrors) {
        excerpt += QStringLiteral("; ") + e;
    }
    return {Evidence{Text::tr("TLS handshake with %1:%2").arg(url.host()).arg(url.port(443)), 0,
                     excerpt.left(600)}};
}

// Not applicable over plain HTTP; an error when the handshake failed outright.
std::optional<CheckResult> precondition(const Check& check, ProbeContext& ctx, bool needChain)
{
    if (!isHttps(ctx)) {
        return result(check, CheckOutcome::NotApplicable,
                      Text::tr("The profile uses plain HTTP; there is no TLS to inspect."));
    }
    const TlsSnapshot& tls = ctx.tls();
    if (!tls.connected || (needChain && tls.chain.isEmpty())) {
        return result(check, CheckOutcome::Error, Text::tr("The TLS handshake did not complete."),
                      tlsEvidence(ctx));
    }
    return std::nullopt;
}

} // namespace

CheckResult transportHttps(const Check& check, ProbeContext& ctx)
{
    const QUrl url = ctx.transport().baseUrl();
    const QList<Evidence> evidence{
        Evidence{Text::tr("Profile address"), 0, url.toString(QUrl::RemoveUserInfo)}};
    if (isHttps(ctx)) {
        return result(check, CheckOutcome::Pass, Text::tr("The dashboard is reached over HTTPS."),
                      evidence);
    }
    return result(check, CheckOutcome::Fail,
                  Text::tr("The dashboard is reached over plain HTTP (%1).").arg(url.host()),
                  evidence);
}

CheckResult tlsProtocol(const Check& check, ProbeContext& ctx)
{
    if (auto early = precondition(check, ctx, false)) {
        return *early;
    }
    const QString protocol = ctx.tls().protocol;
    const bool modern =
        protocol == QLatin1String("TLSv1.2") || protocol == QLatin1String("TLSv1.3");
    return result(check, modern ? CheckOutcome::Pass : CheckOutcome::Fail,
                  Text::tr("The server negotiated %1.").arg(protocol), tlsEvidence(ctx));
}

CheckResult tlsCertificate(const Check& check, ProbeContext& ctx)
{
    if (auto early = precondition(check, ctx, true)) {
        return *early;
    }
    const QStringList errors = ctx.tls().verificationErrors;
    if (errors.isEmpty()) {
        return result(check, CheckOutcome::Pass,
                      Text::tr("The certificate verifies against the profile's trust and names the "
                               "host."),
                      tlsEvidence(ctx));
    }
    return result(
        check, CheckOutcome::Fail,
        Text::tr("The certificate does not verify: %1").arg(errors.join(QStringLiteral("; "))),
        tlsEvidence(ctx));
}

CheckResult tlsExpiry(const Check& check, ProbeContext& ctx)
{
    if (auto early = precondition(check, ctx, true)) {
        return *early;
    }
    const int warnDays = check.params.value("warnDays", 30);
    const QDateTime expiry = ctx.tls().chain.first().expiryDate();
    const qint64 daysLeft = ctx.settings().now.daysTo(expiry);
    if (daysLeft <= warnDays) {
        return result(check, CheckOutcome::Fail,
                      daysLeft < 0 ? Text::tr("The certificate expired on %1.")
                                         .arg(expiry.toUTC().toString(Qt::ISODate))
                                   : Text::tr("The certificate expires in %1 days.").arg(daysLeft),
                      tlsEvidence(ctx));
    }
    return result(check, CheckOutcome::Pass,
                  Text::tr("The certificate is valid for %1 more days.").arg(daysLeft),
                  tlsEvidence(ctx));
}

CheckResult tlsKeyStrength(const Check& check, ProbeContext& ctx)
{
    if (auto early = precondition(check, ctx, true)) {
        return *early;
    }
    const QSslKey key = ctx.tls().chain.first().publicKey();
    const int minRsa = check.params.value("minRsaBits", 2048);
    const int minEc = check.params.value("minEcBits", 256);
    QString kind = QStringLiteral("RSA");
    int minimum = minRsa;
    if (key.algorithm() == QSsl::Ec) {
        kind = QStringLiteral("EC");
        minimum = minEc;
    } else if (key.algorithm() != QSsl::Rsa) {
        return result(check, CheckOutcome::Pass,
                      Text::tr("The certificate key is neither RSA nor EC (for example Ed25519)."),
                      tlsEvidence(ctx));
    }
    const bool strong = key.length() >= minimum;
    return result(check, strong ? CheckOutcome::Pass : CheckOutcome::Fail,
                  Text::tr("The certificate key is %1 with %2 bits (minimum %3).")
                      .arg(kind)
                      .arg(key.length())
                      .arg(minimum),
                  tlsEvidence(ctx));
}

} // namespace raysec::probes
