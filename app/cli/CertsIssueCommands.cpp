// raysec-cli certs issue and certs sign-csr.

#include "CertsCli.h"

#include "core/common/SafeFile.h"
#include "core/tls/BatchIssuer.h"
#include "core/tls/CaStore.h"

#include <QDir>

namespace raysec::cli::certs {

namespace {

// Progress on standard error in steps of ten percent.
class CliProgress : public tls::IssueProgress
{
public:
    explicit CliProgress(QTextStream& err)
        : m_err(err)
    {
    }
    void progressed(int done, int total) override
    {
        const int step = done * 10 / total;
        if (step != m_step) {
            m_step = step;
            m_err << Text::tr("Issued %1 of %2 certificates.").arg(done).arg(total) << Qt::endl;
        }
    }
    bool isCancelled() const override { return false; }

private:
    QTextStream& m_err;
    int m_step = 0;
};

struct IssueRequest
{
    QList<tls::NodeEntry> nodes;
    tls::IssueSettings settings;
    tls::BundleOptions options;
    QString outputDir;
    std::shared_ptr<std::optional<SecretBuffer>> pkcs12Passphrase;
    std::shared_ptr<std::optional<SecretBuffer>> keepKeysPassphrase;
};

void addIssueOptions(QCommandLineParser& parser)
{
    addCaOptions(parser);
    addNodeOptions(parser);
    parser.addOptions({
        {QStringLiteral("out"), Text::tr("Folder for the node bundles."), Text::tr("folder")},
        {QStringLiteral("key-type"), Text::tr("Key type of the node keys."), Text::tr("type"),
         QStringLiteral("ecdsa-p256")},
        {QStringLiteral("days"), Text::tr("Validity in days."), Text::tr("days"),
         QStringLiteral("365")},
        {QStringLiteral("head-name"), Text::tr("A name clients use for the head; repeatable."),
         Text::tr("name")},
        {QStringLiteral("remote-dir"), Text::tr("Folder of the files on the nodes (for tls.env)."),
         Text::tr("folder"), QStringLiteral("/etc/ray/tls")},
        {QStringLiteral("k8s-namespace"), Text::tr("Also write a Kubernetes Secret per node."),
         Text::tr("namespace")},
        {QStringLiteral("p12-passphrase-file"),
         Text::tr("Also write tls.p12 with this passphrase."), Text::tr("file")},
        {QStringLiteral("trust-ca"), Text::tr("Also trust this stored CA's root in ca.crt."),
         Text::tr("name")},
        {QStringLiteral("keep-keys-passphrase-file"),
         Text::tr("Keep the node keys in the inventory, encrypted with this passphrase."),
         Text::tr("file")},
    });
}

Result<std::shared_ptr<std::optional<SecretBuffer>>> optionalSecret(const QCommandLineParser& p,
                                                                    const QString& option)
{
    auto holder = std::make_shared<std::optional<SecretBuffer>>();
    if (p.isSet(option)) {
        auto secret = secretFromFile(p, option, Text::tr("passphrase"));
        if (!secret) {
            return std::unexpected(secret.error());
        }
        *holder = std::move(*secret);
    }
    return holder;
}

Result<IssueRequest> issueRequest(CliContext& ctx, const QCommandLineParser& parser)
{
    IssueRequest request;
    auto nodes = nodesFromOptions(parser);
    auto type = tls::keyTypeFromName(parser.value(QStringLiteral("key-type")));
    auto days = daysOption(parser, QStringLiteral("days"), false);
    if (!nodes || !days) {
        return std::unexpected(!nodes ? nodes.error() : days.error());
    }
    if (!type) {
        return fail(
            QStringLiteral("cli.usage"),
            Text::tr("Unknown --key-type %1.").arg(parser.value(QStringLiteral("key-type"))));
    }
    request.nodes = *nodes;
    request.settings = {*type, *days, parser.values(QStringLiteral("head-name")), {}};
    request.options.remoteDir = parser.value(QStringLiteral("remote-dir"));
    request.options.kubernetesNamespace = parser.value(QStringLiteral("k8s-namespace"));
    request.outputDir = parser.value(QStringLiteral("out"));
    tls::CaStore store(ctx.keychain());
    for (const QString& name : parser.values(QStringLiteral("trust-ca"))) {
        auto chain = store.chain(name);
        if (!chain) {
            return std::unexpected(chain.error());
        }
        request.options.extraTrust.append(chain->last());
    }
    auto p12 = optionalSecret(parser, QStringLiteral("p12-passphrase-file"));
    auto keep = optionalSecret(parser, QStringLiteral("keep-keys-passphrase-file"));
    if (!p12 || !keep) {
        return std::unexpected(!p12 ? p12.error() : keep.error());
    }
    request.pkcs12Passphrase = *p12;
    request.keepKeysPassphrase = *keep;
    return request;
}

Result<void> recordBatch(CliContext& ctx, const LoadedCa& loaded, const IssueRequest& request,
                         const tls::BatchResult& batch)
{
    auto inv = inventory(ctx);
    if (!inv) {
        return std::unexpected(inv.error());
    }
    const QDir out(request.outputDir);
    QList<tls::InventoryEntry> entries;
    for (const tls::IssuedNode& issued : batch.issued) {
        entries.append(tls::CertificateInventory::entryFor(issued.certificate, loaded.name,
                                                           issued.node.name,
                                                           out.absoluteFilePath(issued.node.name)));
    }
    if (auto ok = inv->record(entries); !ok || !request.keepKeysPassphrase->has_value()) {
        return ok;
    }
    for (const tls::IssuedNode& issued : batch.issued) {
        auto pem = issued.key.toEncryptedPem(**request.keepKeysPassphrase);
        if (!pem) {
            return std::unexpected(pem.error());
        }
        const QByteArray encrypted(pem->data(), qsizetype(pem->size()));
        if (auto ok = inv->storeEncryptedKey(issued.certificate.sha256Fingerprint(), encrypted);
            !ok) {
            return ok;
        }
    }
    return {};
}

int reportBatch(CliContext& ctx, const IssueRequest& request, const tls::BatchResult& batch)
{
    if (ctx.json()) {
        nlohmann::json nodes = nlohmann::json::array();
        for (const tls::IssuedNode& issued : batch.issued) {
            nlohmann::json entry = toJson(issued.certificate);
            entry["node"] = str(issued.node.name);
            entry["bundle"] = str(QDir(request.outputDir).absoluteFilePath(issued.node.name));
            nodes.push_back(entry);
        }
        ctx.printJson(
            {{"issued", batch.issued.size()}, {"files", batch.filesWritten}, {"nodes", nodes}});
        return CliContext::ExitOk;
    }
    ctx.out() << Text::tr("Issued %1 node certificates; wrote %2 files under %3.")
                     .arg(batch.issued.size())
                     .arg(batch.filesWritten)
                     .arg(request.outputDir)
              << Qt::endl;
    return CliContext::ExitOk;
}

void issueWith(CliContext& ctx, IssueRequest request, Result<LoadedCa> loaded)
{
    if (!loaded) {
        ctx.finish(ctx.report(loaded.error()));
        return;
    }
    if (request.pkcs12Passphrase->has_value()) {
        request.options.pkcs12Passphrase = &request.pkcs12Passphrase->value();
    }
    CliProgress progress(ctx.err());
    const tls::BatchResult batch =
        tls::BatchIssuer::run(loaded->ca, request.nodes, request.settings, request.outputDir,
                              request.options, ctx.json() ? nullptr : &progress);
    if (batch.error) {
        ctx.finish(ctx.report(*batch.error));
        return;
    }
    if (auto ok = recordBatch(ctx, *loaded, request, batch); !ok) {
        ctx.finish(ctx.report(ok.error()));
        return;
    }
    ctx.finish(reportBatch(ctx, request, batch));
}

} // namespace

int issueCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    addIssueOptions(parser);
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        return ctx.usage(Text::tr("certs issue needs --out, the folder for the bundles."));
    }
    auto request = issueRequest(ctx, parser);
    if (!request) {
        return ctx.report(request.error());
    }
    if (!tls::keyTypeWarning(request->settings.keyType).isEmpty()) {
        ctx.err() << Text::tr("Warning: %1").arg(tls::keyTypeWarning(request->settings.keyType))
                  << Qt::endl;
    }
    auto parsed = std::make_shared<QCommandLineParser>();
    addIssueOptions(*parsed);
    parsed->parse(ctx.arguments());
    nodesFromProfile(
        ctx, *parsed, request->nodes,
        [&ctx, parsed, request = *request](Result<QList<tls::NodeEntry>> nodes) mutable {
            if (!nodes) {
                ctx.finish(ctx.report(nodes.error()));
                return;
            }
            request.nodes = *nodes;
            loadCa(ctx, *parsed, [&ctx, request](Result<LoadedCa> loaded) mutable {
                issueWith(ctx, std::move(request), std::move(loaded));
            });
        });
    return CliContext::Pending;
}

int signCsrCommand(CliContext& ctx)
{
    QCommandLineParser parser;
    addCaOptions(parser);
    parser.addOptions({
        {QStringLiteral("csr"), Text::tr("The CSR made on the node (PEM)."), Text::tr("file")},
        {QStringLiteral("node"), Text::tr("The node as name,ip[,host;host[,head]]."),
         Text::tr("entry")},
        {QStringLiteral("out"), Text::tr("Folder for ca.crt, tls.crt and tls.env."),
         Text::tr("folder")},
        {QStringLiteral("days"), Text::tr("Validity in days."), Text::tr("days"),
         QStringLiteral("365")},
        {QStringLiteral("head-name"), Text::tr("A name clients use for the head; repeatable."),
         Text::tr("name")},
        {QStringLiteral("key-type"), Text::tr("Key type for --print-command."), Text::tr("type"),
         QStringLiteral("ecdsa-p256")},
        {QStringLiteral("print-command"),
         Text::tr("Print the command that makes the CSR on the node.")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto nodes = nodesFromOptions(parser);
    if (!nodes || nodes->size() != 1) {
        return nodes ? ctx.usage(Text::tr("certs sign-csr takes exactly one --node."))
                     : ctx.report(nodes.error());
    }
    const tls::NodeEntry node = nodes->first();
    if (parser.isSet(QStringLiteral("print-command"))) {
        const auto type = tls::keyTypeFromName(parser.value(QStringLiteral("key-type")));
        if (!type) {
            return ctx.usage(Text::tr("Unknown --key-type."));
        }
        ctx.out() << tls::NodeIssuer::csrCommand(node, *type) << Qt::endl;
        return CliContext::ExitOk;
    }
    auto days = daysOption(parser, QStringLiteral("days"), false);
    if (!days) {
        return ctx.report(days.error());
    }
    if (!parser.isSet(QStringLiteral("csr")) || !parser.isSet(QStringLiteral("out"))) {
        return ctx.usage(Text::tr("certs sign-csr needs --csr and --out."));
    }
    auto csr = SafeFile::read(parser.value(QStringLiteral("csr")), 1024 * 1024);
    if (!csr) {
        return ctx.report(csr.error());
    }
    const tls::IssueSettings settings{
        tls::KeyType::EcdsaP256, *days, parser.values(QStringLiteral("head-name")), {}};
    const QString out = parser.value(QStringLiteral("out"));
    loadCa(ctx, parser, [&ctx, csr = *csr, node, settings, out](Result<LoadedCa> loaded) {
        auto issued = loaded ? tls::NodeIssuer::signCsr(loaded->ca, view(csr), node, settings)
                             : Result<tls::IssuedNode>(std::unexpected(loaded.error()));
        auto written = issued ? tls::BundleWriter::writeNodeBundle(out, loaded->ca, *issued, {})
                              : Result<QStringList>(std::unexpected(issued.error()));
        if (!written) {
            ctx.finish(ctx.report(written.error()));
            return;
        }
        auto inv = inventory(ctx);
        auto ok =
            inv ? inv->record({tls::CertificateInventory::entryFor(
                      issued->certificate, loaded->name, node.name, QDir(out).absolutePath())})
                : Result<void>(std::unexpected(inv.error()));
        if (!ok) {
            ctx.finish(ctx.report(ok.error()));
            return;
        }
        if (ctx.json()) {
            ctx.printJson(toJson(issued->certificate));
        } else {
            ctx.out() << Text::tr("Signed the CSR of %1; wrote %2.")
                             .arg(node.name, written->join(QStringLiteral(", ")))
                      << Qt::endl;
        }
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

} // namespace raysec::cli::certs
