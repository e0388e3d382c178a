#include "core/audit/fixes/TlsBundleFix.h"

#include "core/tls/BundleWriter.h"
#include "core/tls/NodeIssuer.h"

#include <QCoreApplication>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::TlsBundleFix)
};

QString name(const char* path)
{
    return QString::fromLatin1(path);
}

void addSteps(const HardeningInputs& in, const QString& checkId, RunbookBuilder& runbook)
{
    runbook.add(
        RunbookPhase::Prepare, checkId,
        Text::tr("Keep the CA key out of this folder: import it into the console, then delete "
                 "the file"),
        {QStringLiteral("raysec-cli certs ca import %1 --cert tls/ca.crt --key tls/ca.key")
             .arg(QStringLiteral("ray-%1").arg(in.profile)),
         QStringLiteral("shred -u tls/ca.key")},
        Text::tr("Worker certificates are issued from the same CA with raysec-cli certs issue "
                 "--ca ray-%1 --nodes nodes.txt --out bundles.")
            .arg(in.profile));
    runbook.add(
        RunbookPhase::Distribute, checkId,
        Text::tr("Copy the head's certificate bundle to the head node"),
        {QStringLiteral("scp tls/ca.crt tls/head/tls.crt tls/head/tls.key tls/head/tls.env "
                        "HEAD:/tmp/"),
         QStringLiteral("ssh HEAD 'sudo install -D -m 0644 /tmp/ca.crt /tmp/tls.crt "
                        "/tmp/tls.env -t %1 && sudo install -m 0600 -o ray /tmp/tls.key "
                        "-t %1 && rm -f /tmp/ca.crt /tmp/tls.crt /tmp/tls.key /tmp/tls.env'")
             .arg(in.tlsDir)},
        Text::tr("HEAD is %1. Each worker gets its own bundle in the same folder.")
            .arg(in.headAddress));
}

} // namespace

Result<void> TlsBundleFix::generate(const HardeningInputs& in, const QStringList& checks,
                                    HardeningOutput& out)
{
    tls::CaOptions caOptions;
    caOptions.commonName = QStringLiteral("Ray cluster CA (%1)").arg(in.profile);
    auto ca = tls::CertificateAuthority::create(caOptions);
    if (!ca) {
        return std::unexpected(ca.error());
    }
    tls::NodeEntry head{QStringLiteral("head"), in.headAddress, in.headHostnames, true};
    if (auto ok = head.validate(); !ok) {
        return ok;
    }
    auto issued = tls::NodeIssuer::issue(*ca, head, tls::IssueSettings{});
    if (!issued) {
        return std::unexpected(issued.error());
    }
    auto keyPem = issued->key.toPem();
    auto caKeyPem = ca->signingKey().toPem();
    if (!keyPem || !caKeyPem) {
        return std::unexpected(!keyPem ? keyPem.error() : caKeyPem.error());
    }

    const QByteArray caPem = tls::BundleWriter::trustPem(*ca, {});
    const QByteArray certPem =
        tls::certificatesToPem(QList<tls::Certificate>{issued->certificate} + ca->intermediates());
    auto secret = tls::BundleWriter::kubernetesSecret(QStringLiteral("head"), in.kubeNamespace,
                                                      caPem, certPem, *keyPem);
    if (!secret) {
        return std::unexpected(secret.error());
    }
    out.add(
        FixArtefact::text(name(caCertFile), Text::tr("The new cluster CA certificate."), caPem));
    out.add(FixArtefact::secretFile(name(caKeyFile), Text::tr("The CA's private key."),
                                    std::move(*caKeyPem)));
    out.add(FixArtefact::text(name(headCertFile),
                              Text::tr("The head's certificate (SANs: %1).")
                                  .arg(issued->certificate.subjectAltNames().join(u' ')),
                              certPem));
    out.add(FixArtefact::secretFile(name(headKeyFile), Text::tr("The head's private key."),
                                    std::move(*keyPem)));
    out.add(FixArtefact::text(name(headEnvFile), Text::tr("Turns on Ray's gRPC TLS on the head."),
                              tls::BundleWriter::envFile(in.tlsDir)));
    out.add(FixArtefact::secretFile(name(secretFile),
                                    Text::tr("kubernetes.io/tls Secret with the head's bundle."),
                                    std::move(*secret)));
    addSteps(in, checks.value(0), out.runbook);
    out.fixedChecks << checks;
    return {};
}

} // namespace raysec
