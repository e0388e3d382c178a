// raysec-cli certs ca create|import|list|export-trust|export-key.

#include "CertsCli.h"

#include "core/common/SafeFile.h"
#include "core/tls/BundleWriter.h"
#include "core/tls/CaStore.h"

namespace raysec::cli::certs {

namespace {

// Stores a CA (keychain first, then files), records its certificates and reports.
int storeCa(CliContext& ctx, const QString& name, tls::CertificateAuthority ca)
{
    auto inv = inventory(ctx);
    if (!inv) {
        return ctx.report(inv.error());
    }
    auto store = std::make_shared<tls::CaStore>(ctx.keychain());
    store->save(name, ca, &ctx, [&ctx, store, name, ca, inv = *inv](Result<void> saved) mutable {
        QList<tls::InventoryEntry> entries;
        for (const tls::Certificate& cert : ca.chain()) {
            entries.append(
                tls::CertificateInventory::entryFor(cert, name, {}, store->folder(name)));
        }
        if (saved) {
            saved = inv.record(entries);
        }
        if (!saved) {
            ctx.finish(ctx.report(saved.error()));
            return;
        }
        if (ctx.json()) {
            nlohmann::json chain = nlohmann::json::array();
            for (const tls::Certificate& cert : ca.chain()) {
                chain.push_back(toJson(cert));
            }
            ctx.printJson(
                {{"name", str(name)}, {"folder", str(store->folder(name))}, {"chain", chain}});
        } else {
            ctx.out() << Text::tr(
                             "Stored CA %1 in %2; its key is encrypted and the passphrase is in "
                             "the keychain.")
                             .arg(name, store->folder(name))
                      << Qt::endl
                      << Text::tr("Root SHA-256: %1").arg(ca.root().sha256Fingerprint())
                      << Qt::endl;
        }
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

int create(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("Name of the new CA."));
    parser.addOptions({
        {QStringLiteral("cn"), Text::tr("Common name of the root."), Text::tr("text"),
         QStringLiteral("Ray cluster CA")},
        {QStringLiteral("key-type"),
         Text::tr("ecdsa-p256, ecdsa-p384, rsa-2048, rsa-3072, rsa-4096 or "
                  "ed25519."),
         Text::tr("type"), QStringLiteral("ecdsa-p256")},
        {QStringLiteral("days"), Text::tr("Validity of the root in days."), Text::tr("days"),
         QStringLiteral("3650")},
        {QStringLiteral("intermediate"), Text::tr("Sign nodes with an intermediate CA.")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 3) {
        return ctx.usage(Text::tr("certs ca create needs exactly one CA name."));
    }
    const auto type = tls::keyTypeFromName(parser.value(QStringLiteral("key-type")));
    if (!type) {
        return ctx.usage(
            Text::tr("Unknown --key-type %1.").arg(parser.value(QStringLiteral("key-type"))));
    }
    auto days = daysOption(parser, QStringLiteral("days"), true);
    if (!days) {
        return ctx.report(days.error());
    }
    if (!tls::keyTypeWarning(*type).isEmpty()) {
        ctx.err() << Text::tr("Warning: %1").arg(tls::keyTypeWarning(*type)) << Qt::endl;
    }
    tls::CaOptions options{parser.value(QStringLiteral("cn")), *type, *days,
                           parser.isSet(QStringLiteral("intermediate")), std::min(*days, 1825)};
    auto ca = tls::CertificateAuthority::create(options);
    if (!ca) {
        return ctx.report(ca.error());
    }
    return storeCa(ctx, parser.positionalArguments().at(2), std::move(*ca));
}

int import(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("Name for the imported CA."));
    parser.addOptions({
        {QStringLiteral("cert"), Text::tr("CA certificate chain (PEM), signing CA first."),
         Text::tr("file")},
        {QStringLiteral("key"), Text::tr("The signing CA's private key (PEM)."), Text::tr("file")},
        {QStringLiteral("passphrase-file"),
         Text::tr("File holding the key's passphrase, if it is encrypted (else standard input)."),
         Text::tr("file")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 3 || !parser.isSet(QStringLiteral("cert")) ||
        !parser.isSet(QStringLiteral("key"))) {
        return ctx.usage(Text::tr("certs ca import needs a name, --cert and --key."));
    }
    auto ca = caFromFiles(ctx, parser, QStringLiteral("cert"), QStringLiteral("key"),
                          QStringLiteral("passphrase-file"));
    if (!ca) {
        return ctx.report(ca.error());
    }
    return storeCa(ctx, parser.positionalArguments().at(2), std::move(*ca));
}

int list(CliContext& ctx)
{
    QCommandLineParser parser;
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    tls::CaStore store(ctx.keychain());
    nlohmann::json array = nlohmann::json::array();
    for (const QString& name : store.names()) {
        auto chain = store.chain(name);
        if (!chain) {
            return ctx.report(chain.error());
        }
        array.push_back({{"name", str(name)}, {"root", toJson(chain->last())}});
        if (!ctx.json()) {
            ctx.out() << name << '\t' << chain->last().notAfter().toString(Qt::ISODate) << '\t'
                      << chain->last().sha256Fingerprint() << Qt::endl;
        }
    }
    if (ctx.json()) {
        ctx.printJson(array);
    }
    return CliContext::ExitOk;
}

int exportTrust(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("names"), Text::tr("CAs whose roots to trust."));
    parser.addOption(
        {QStringLiteral("out"), Text::tr("Truststore file to write."), Text::tr("file")});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QStringList names = parser.positionalArguments().mid(2);
    if (names.isEmpty() || !parser.isSet(QStringLiteral("out"))) {
        return ctx.usage(Text::tr("certs ca export-trust needs CA names and --out."));
    }
    tls::CaStore store(ctx.keychain());
    QList<tls::Certificate> roots;
    for (const QString& name : names) {
        auto chain = store.chain(name);
        if (!chain) {
            return ctx.report(chain.error());
        }
        roots.append(chain->last());
    }
    if (auto ok = tls::BundleWriter::writeTruststore(parser.value(QStringLiteral("out")), roots);
        !ok) {
        return ctx.report(ok.error());
    }
    ctx.out() << Text::tr("Wrote %1 trusted roots to %2.")
                     .arg(roots.size())
                     .arg(parser.value(QStringLiteral("out")))
              << Qt::endl;
    return CliContext::ExitOk;
}

int exportKey(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("name"), Text::tr("Stored CA."));
    parser.addOptions({
        {QStringLiteral("out"), Text::tr("Key file to write (mode 0600)."), Text::tr("file")},
        {QStringLiteral("passphrase-file"), Text::tr("Encrypt the export with this passphrase."),
         Text::tr("file")},
        {QStringLiteral("plaintext"), Text::tr("Write the key unencrypted (explicit choice).")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const bool plaintext = parser.isSet(QStringLiteral("plaintext"));
    if (parser.positionalArguments().size() != 3 || !parser.isSet(QStringLiteral("out")) ||
        plaintext == parser.isSet(QStringLiteral("passphrase-file"))) {
        return ctx.usage(Text::tr("certs ca export-key needs a name, --out and either "
                                  "--passphrase-file or --plaintext."));
    }
    std::optional<SecretBuffer> passphrase;
    if (!plaintext) {
        auto secret =
            secretFromFile(parser, QStringLiteral("passphrase-file"), Text::tr("passphrase"));
        if (!secret) {
            return ctx.report(secret.error());
        }
        passphrase = std::move(*secret);
    }
    auto store = std::make_shared<tls::CaStore>(ctx.keychain());
    const QString out = parser.value(QStringLiteral("out"));
    auto secret = std::make_shared<std::optional<SecretBuffer>>(std::move(passphrase));
    store->load(parser.positionalArguments().at(2), &ctx,
                [&ctx, store, out, secret](Result<tls::CertificateAuthority> ca) {
                    if (!ca) {
                        ctx.finish(ctx.report(ca.error()));
                        return;
                    }
                    auto pem = secret->has_value() ? ca->signingKey().toEncryptedPem(**secret)
                                                   : ca->signingKey().toPem();
                    auto ok = pem ? SafeFile::write(out, pem->view(), SafeFile::Mode::OwnerOnly)
                                  : Result<void>(std::unexpected(pem.error()));
                    if (!ok) {
                        ctx.finish(ctx.report(ok.error()));
                        return;
                    }
                    ctx.out() << Text::tr("Wrote the CA key to %1 (mode 0600).").arg(out)
                              << Qt::endl;
                    ctx.finish(CliContext::ExitOk);
                });
    return CliContext::Pending;
}

} // namespace

int caCommand(CliContext& ctx)
{
    const QString sub = ctx.arguments().value(2);
    if (sub == QLatin1String("create")) {
        return create(ctx);
    }
    if (sub == QLatin1String("import")) {
        return import(ctx);
    }
    if (sub == QLatin1String("list")) {
        return list(ctx);
    }
    if (sub == QLatin1String("export-trust")) {
        return exportTrust(ctx);
    }
    if (sub == QLatin1String("export-key")) {
        return exportKey(ctx);
    }
    return ctx.usage(Text::tr("certs ca takes create, import, list, export-trust or export-key."));
}

} // namespace raysec::cli::certs
