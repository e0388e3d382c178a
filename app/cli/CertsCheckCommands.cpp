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
    out << Text::tr("Subject:   %1").arg(cert.subject()) << '\n'
        << Text::tr("Issuer:    %1").arg(cert.issuer()) << '\n'
        << Text::tr("Serial:    %1").arg(cert.serialHex()) << '\n'
        << Text::tr("SHA-256:   %1").arg(cert.sha256Fingerprint()) << '\n'
        << Text::tr("Valid:     %1 to %2")
               .arg(cert.notBefore().toString(Qt::ISODate), cert.notAfter().toString(Qt::ISODate))
        << '\n'
        << Text::tr("Key:       %1").arg(cert.keyDescription()) << '\n'
        << Text::tr("CA:        %1").arg(cert.isCa() ? Text::tr("yes") : Text::tr("no")) << '\n'
        << Text::tr("SANs:      %1").arg(cert.subjectAltNames().join(QStringLiteral(", "))) << '\n'
        << Qt::endl;
}

} // namespace

int inspectCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("file"), Text::tr("PEM certificate or chain."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 2) {
        return ctx.usage(Text::tr("certs inspect needs exactly one file."));
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
        {QStringLiteral("bundles"), Text::tr("Folder with one bundle folder per node."),
         Text::tr("folder")},
        {QStringLiteral("head-name"), Text::tr("A name clients use for the head; repeatable."),
         Text::tr("name")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("bundles"))) {
        return ctx.usage(Text::tr("certs preflight needs --bundles."));
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
            ctx.out() << Text::tr("Every address of the %1 nodes is covered.").arg(nodes->size())
                      << Qt::endl;
        }
    }
    return findings.isEmpty() ? CliContext::ExitOk : CliContext::ExitFailure;
}

int planRotationCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("nodes"), Text::tr("Node list file (text or CSV)."), Text::tr("file")},
        {QStringLiteral("ca"), Text::tr("The CA in use."), Text::tr("name")},
        {QStringLiteral("new-ca"), Text::tr("Roll to this new CA instead of renewing."),
         Text::tr("name")},
        {QStringLiteral("bundles"), Text::tr("Local bundle folder."), Text::tr("folder"),
         QStringLiteral("bundles")},
        {QStringLiteral("remote-dir"), Text::tr("Folder of the files on the nodes."),
         Text::tr("folder"), QStringLiteral("/etc/ray/tls")},
        {QStringLiteral("ssh-user"), Text::tr("User for ssh and rsync."), Text::tr("user"),
         QStringLiteral("ray")},
        {QStringLiteral("gcs-ft"), Text::tr("The cluster runs with GCS fault tolerance.")},
        {QStringLiteral("markdown"), Text::tr("Write the runbook to this Markdown file."),
         Text::tr("file")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("nodes")) || !parser.isSet(QStringLiteral("ca"))) {
        return ctx.usage(Text::tr("certs plan-rotation needs --nodes and --ca."));
    }
    const QString user = parser.value(QStringLiteral("ssh-user"));
    if (!tls::isValidNodeName(user) || user.contains(QLatin1Char('.'))) {
        return ctx.usage(Text::tr("--ssh-user takes a plain user name."));
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
                note = Text::tr("EXPIRED");
            } else if (e.expiryLevel() != tls::ExpiryLevel::Ok) {
                note = Text::tr("expires in %1 days").arg(e.daysLeft());
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
