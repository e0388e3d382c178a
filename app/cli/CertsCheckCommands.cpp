// raysec-cli certs inspect, preflight, plan-rotation and list.

#include "CertsCli.h"

#include "core/common/SafeFile.h"
#include "core/tls/NodeListParser.h"
#include "core/tls/RotationPlan.h"
#include "core/tls/SanPreflight.h"

namespace raysec::cli::certs {

namespace {

void printCertificate(QTextStream& out, const tls::Certificate& cert)
{
    out << tr("Subject:   %1").arg(cert.subject()) << '\n'
        << tr("Issuer:    %1").arg(cert.issuer()) << '\n'
        << tr("Serial:    %1").arg(cert.serialHex()) << '\n'
        << tr("SHA-256:   %1").arg(cert.sha256Fingerprint()) << '\n'
        << tr("Valid:     %1 to %2")
               .arg(cert.notBefore().toString(Qt::ISODate), cert.notAfter().toString(Qt::ISODate))
        << '\n'
        << tr("Key:       %1").arg(cert.keyDescription()) << '\n'
        << tr("CA:        %1").arg(cert.isCa() ? tr("yes") : tr("no")) << '\n'
        << tr("SANs:      %1").arg(cert.subjectAltNames().join(QStringLiteral(", "))) << '\n'
        << Qt::endl;
}

} // namespace

int inspectCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), tr("PEM certificate or chain."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 2) {
        return ctx.usage(tr("certs inspect needs exactly one file."));
    }
    auto pem = SafeFile::read(parser.positionalArguments().at(1), 4 * 1024 * 1024);
    if (!pem) {
        return ctx.report(pem.error());
    }
    auto certs = tls::Certificate::listFromPem(view(*pem));
    if (!certs) {
        return ctx.report(certs.error());
    }
    nlohmann::json array = nlohmann::json::array();
    for (const tls::Certificate& cert : *certs) {
        if (ctx.json()) {
            array.push_back(toJson(cert));
        } else {
            printCertificate(ctx.out(), cert);
        }
    }
    if (ctx.json()) {
        ctx.printJson(array);
    }
    return CliContext::ExitOk;
}

int preflightCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    addNodeOptions(parser);
    parser.addOptions({
        {QStringLiteral("bundles"), tr("Folder with one bundle folder per node."), tr("folder")},
        {QStringLiteral("head-name"), tr("A name clients use for the head; repeatable."),
         tr("name")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("bundles"))) {
        return ctx.usage(tr("certs preflight needs --bundles."));
    }
    auto nodes = nodesFromOptions(parser);
    if (!nodes) {
        return ctx.report(nodes.error());
    }
    const auto certs =
        tls::SanPreflight::loadBundles(parser.value(QStringLiteral("bundles")), *nodes);
    const auto findings =
        tls::SanPreflight::check(*nodes, certs, parser.values(QStringLiteral("head-name")));
    if (ctx.json()) {
        nlohmann::json array = nlohmann::json::array();
        for (const tls::PreflightFinding& f : findings) {
            array.push_back({{"kind", str(tls::PreflightFinding::kindName(f.kind))},
                             {"node", str(f.node)},
                             {"address", str(f.address)},
                             {"message", str(f.message)}});
        }
        ctx.printJson({{"nodes", nodes->size()}, {"findings", array}});
    } else {
        for (const tls::PreflightFinding& f : findings) {
            ctx.out() << f.message << Qt::endl;
        }
        if (findings.isEmpty()) {
            ctx.out() << tr("Every address of the %1 nodes is covered.").arg(nodes->size())
                      << Qt::endl;
        }
    }
    return findings.isEmpty() ? CliContext::ExitOk : CliContext::ExitFailure;
}

int planRotationCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("nodes"), tr("Node list file (text or CSV)."), tr("file")},
        {QStringLiteral("ca"), tr("The CA in use."), tr("name")},
        {QStringLiteral("new-ca"), tr("Roll to this new CA instead of renewing."), tr("name")},
        {QStringLiteral("bundles"), tr("Local bundle folder."), tr("folder"),
         QStringLiteral("bundles")},
        {QStringLiteral("remote-dir"), tr("Folder of the files on the nodes."), tr("folder"),
         QStringLiteral("/etc/ray/tls")},
        {QStringLiteral("ssh-user"), tr("User for ssh and rsync."), tr("user"),
         QStringLiteral("ray")},
        {QStringLiteral("gcs-ft"), tr("The cluster runs with GCS fault tolerance.")},
        {QStringLiteral("markdown"), tr("Write the runbook to this Markdown file."), tr("file")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("nodes")) || !parser.isSet(QStringLiteral("ca"))) {
        return ctx.usage(tr("certs plan-rotation needs --nodes and --ca."));
    }
    const QString user = parser.value(QStringLiteral("ssh-user"));
    if (!tls::isValidNodeName(user) || user.contains(QLatin1Char('.'))) {
        return ctx.usage(tr("--ssh-user takes a plain user name."));
    }
    auto nodes = tls::NodeListParser::readFile(parser.value(QStringLiteral("nodes")));
    if (!nodes) {
        return ctx.report(nodes.error());
    }
    tls::RotationInput input;
    input.kind = parser.isSet(QStringLiteral("new-ca")) ? tls::RotationKind::NewCa
                                                        : tls::RotationKind::RenewLeaves;
    input.nodes = *nodes;
    input.caName = parser.value(QStringLiteral("ca"));
    input.newCaName = parser.value(QStringLiteral("new-ca"));
    input.nodeListPath = parser.value(QStringLiteral("nodes"));
    input.bundleDir = parser.value(QStringLiteral("bundles"));
    input.remoteDir = parser.value(QStringLiteral("remote-dir"));
    input.sshUser = user;
    input.gcsFaultTolerance = parser.isSet(QStringLiteral("gcs-ft"));
    const tls::RotationPlan plan = tls::RotationPlan::make(input);
    const QString markdown = plan.toMarkdown();
    if (parser.isSet(QStringLiteral("markdown"))) {
        const QByteArray bytes = markdown.toUtf8();
        if (auto ok = SafeFile::write(parser.value(QStringLiteral("markdown")), view(bytes)); !ok) {
            return ctx.report(ok.error());
        }
    }
    if (ctx.json()) {
        nlohmann::json steps = nlohmann::json::array();
        for (const tls::RotationStep& s : plan.steps()) {
            nlohmann::json commands = nlohmann::json::array();
            for (const QString& c : s.commands) {
                commands.push_back(str(c));
            }
            steps.push_back({{"phase", str(s.phase)},
                             {"title", str(s.title)},
                             {"detail", str(s.detail)},
                             {"commands", commands}});
        }
        ctx.printJson({{"steps", steps}});
    } else if (!parser.isSet(QStringLiteral("markdown"))) {
        ctx.out() << markdown;
    }
    return CliContext::ExitOk;
}

int listCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto inv = inventory(ctx);
    auto entries =
        inv ? inv->list() : Result<QList<tls::InventoryEntry>>(std::unexpected(inv.error()));
    if (!entries) {
        return ctx.report(entries.error());
    }
    nlohmann::json array = nlohmann::json::array();
    for (const tls::InventoryEntry& e : *entries) {
        array.push_back(toJson(e));
        if (!ctx.json()) {
            QString note;
            if (e.expiryLevel() == tls::ExpiryLevel::Expired) {
                note = tr("EXPIRED");
            } else if (e.expiryLevel() != tls::ExpiryLevel::Ok) {
                note = tr("expires in %1 days").arg(e.daysLeft());
            }
            ctx.out() << e.commonName << '\t' << e.notAfter.toString(Qt::ISODate) << '\t'
                      << e.fingerprint.left(23) << '\t' << note << Qt::endl;
        }
    }
    if (ctx.json()) {
        ctx.printJson(array);
    }
    return CliContext::ExitOk;
}

} // namespace raysec::cli::certs
