// raysec-cli keys export|verify|restore: the signed registry bundle, the signing key's public
// half and backup, and the audit-trail check.

#include "KeysCliSupport.h"

#include "core/common/SafeFile.h"
#include "core/keys/KeyManager.h"
#include "core/keys/MinisignPublicKey.h"
#include "core/keys/MinisignVerifier.h"
#include "core/keys/RegistryBundle.h"
#include "core/keys/RegistryPublisher.h"
#include "core/keys/SigningKeyBackup.h"
#include "core/keys/SigningKeyStore.h"

namespace raysec::cli::keys {

namespace {

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), std::size_t(bytes.size())};
}

int exportSigningKey(CliContext& ctx, const QCommandLineParser& parser,
                     std::shared_ptr<KeyManager> keys)
{
    const QString pubPath = parser.value(QStringLiteral("public-key"));
    const QString backupPath = parser.value(QStringLiteral("backup"));
    std::shared_ptr<SecretBuffer> passphrase;
    if (!backupPath.isEmpty()) {
        auto secret = ctx.readSecret(parser, QStringLiteral("passphrase-file"),
                                     Text::tr("backup passphrase"));
        if (!secret) {
            return ctx.report(secret.error());
        }
        passphrase = std::make_shared<SecretBuffer>(std::move(*secret));
    }
    auto* signing = new SigningKeyStore(ctx.keychain(),
                                        QString::fromLatin1(SigningKeyStore::DefaultService), &ctx);
    signing->load(&ctx, [&ctx, keys, pubPath, backupPath,
                         passphrase](Result<MinisignKeyPair> pair) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Result<void> ok;
        if (pair && !pubPath.isEmpty()) {
            ok = SafeFile::write(pubPath, pair->publicKeyFile());
        } else if (pair) {
            ok = SigningKeyBackup::exportTo(backupPath, *pair, *passphrase);
            if (ok) {
                ok = keys->record(QStringLiteral("export"), {},
                                  QStringLiteral("signing key backup to %1").arg(backupPath), now);
            }
        }
        if (!pair || !ok) {
            ctx.finish(ctx.report(!pair ? pair.error() : ok.error()));
            return;
        }
        ctx.out() << Text::tr("Wrote %1 (signing key %2).")
                         .arg(pubPath.isEmpty() ? backupPath : pubPath, pair->keyIdHex())
                  << Qt::endl;
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

int verifyAudit(CliContext& ctx)
{
    auto keys = manager(ctx);
    auto checked = keys ? (*keys)->audit().verify() : std::unexpected(keys.error());
    if (!checked) {
        return ctx.report(checked.error());
    }
    if (ctx.json()) {
        ctx.printJson({{"rows", checked->rows}, {"head", checked->head.toStdString()}});
    } else {
        ctx.out() << Text::tr("Audit trail intact: %1 events, head %2.")
                         .arg(checked->rows)
                         .arg(QString::fromLatin1(checked->head))
                  << Qt::endl;
    }
    return CliContext::ExitOk;
}

void printPublished(CliContext& ctx, const RegistryPublisher::Published& out)
{
    if (ctx.json()) {
        ctx.printJson({{"bundle", out.bundlePath.toStdString()},
                       {"signature", out.signaturePath.toStdString()},
                       {"publicKey", out.publicKeyPath.toStdString()},
                       {"signingKeyId", out.signingKeyId.toStdString()},
                       {"keys", out.keys}});
        return;
    }
    ctx.out() << Text::tr("Signed %1 keys into %2 with key %3.")
                     .arg(out.keys)
                     .arg(out.bundlePath, out.signingKeyId)
              << Qt::endl;
}

} // namespace

int exportBundle(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Exports the signed registry for the gateway (--out), the signing public key "
        "(--public-key) or a passphrase-encrypted backup of the signing key (--backup; the "
        "passphrase comes from --passphrase-file or standard input)."));
    parser.addPositionalArgument(QStringLiteral("export"), Text::tr("Export."));
    parser.addOptions({
        {QStringLiteral("out"), Text::tr("Folder for registry.json, its .minisig and the .pub."),
         Text::tr("folder")},
        {QStringLiteral("public-key"), Text::tr("Write the signing public key (minisign .pub)."),
         Text::tr("file")},
        {QStringLiteral("backup"), Text::tr("Write an encrypted backup of the signing key."),
         Text::tr("file")},
        {QStringLiteral("passphrase-file"), Text::tr("File holding the backup passphrase."),
         Text::tr("file")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const int chosen = int(parser.isSet(QStringLiteral("out"))) +
                       int(parser.isSet(QStringLiteral("public-key"))) +
                       int(parser.isSet(QStringLiteral("backup")));
    if (chosen != 1) {
        return ctx.usage(
            Text::tr("keys export takes exactly one of --out, --public-key, --backup."));
    }
    auto keys = manager(ctx);
    if (!keys) {
        return ctx.report(keys.error());
    }
    if (!parser.isSet(QStringLiteral("out"))) {
        return exportSigningKey(ctx, parser, *keys);
    }
    auto* signing = new SigningKeyStore(ctx.keychain(),
                                        QString::fromLatin1(SigningKeyStore::DefaultService), &ctx);
    auto* publisher = new RegistryPublisher(**keys, *signing, &ctx);
    publisher->publish(parser.value(QStringLiteral("out")), QDateTime::currentDateTimeUtc(), &ctx,
                       [&ctx, keys = *keys](Result<RegistryPublisher::Published> out) {
                           if (!out) {
                               ctx.finish(ctx.report(out.error()));
                               return;
                           }
                           printPublished(ctx, *out);
                           ctx.finish(CliContext::ExitOk);
                       });
    return CliContext::Pending;
}

int verify(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Checks a signed registry bundle against a public key, "
                 "or (--audit) the key audit trail's hash chain."));
    parser.addPositionalArgument(QStringLiteral("verify"), Text::tr("Verify."));
    parser.addPositionalArgument(QStringLiteral("bundle"), Text::tr("registry.json"),
                                 Text::tr("[bundle]"));
    parser.addOptions({
        {QStringLiteral("public-key"), Text::tr("Signing public key (.pub)."), Text::tr("file")},
        {QStringLiteral("signature"), Text::tr("Signature (default: <bundle>.minisig)."),
         Text::tr("file")},
        {QStringLiteral("audit"), Text::tr("Check the audit trail instead.")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.isSet(QStringLiteral("audit"))) {
        return verifyAudit(ctx);
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || !parser.isSet(QStringLiteral("public-key"))) {
        return ctx.usage(Text::tr("keys verify needs a bundle and --public-key, or --audit."));
    }
    const QString bundlePath = positional.at(1);
    const QString sigPath = parser.isSet(QStringLiteral("signature"))
                                ? parser.value(QStringLiteral("signature"))
                                : bundlePath + QStringLiteral(".minisig");
    auto pub = SafeFile::read(parser.value(QStringLiteral("public-key")), 64 * 1024);
    auto bundle = SafeFile::read(bundlePath);
    auto sig = SafeFile::read(sigPath, 64 * 1024);
    if (!pub || !bundle || !sig) {
        return ctx.report(!pub ? pub.error() : !bundle ? bundle.error() : sig.error());
    }
    auto key = MinisignPublicKey::parse(view(*pub));
    auto comment = key ? MinisignVerifier::verifiedComment(*key, view(*bundle), view(*sig))
                       : std::unexpected(key.error());
    auto records =
        comment ? RegistryBundle::parse(view(*bundle)) : std::unexpected(comment.error());
    if (!records) {
        return ctx.report(records.error());
    }
    if (ctx.json()) {
        ctx.printJson({{"valid", true},
                       {"trustedComment", comment->toStdString()},
                       {"keys", records->size()}});
    } else {
        ctx.out() << Text::tr("Signature valid (key %1): %2 keys. Trusted comment: %3")
                         .arg(key->keyIdHex())
                         .arg(records->size())
                         .arg(*comment)
                  << Qt::endl;
    }
    return CliContext::ExitOk;
}

int restore(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Restores the signing key from a backup into the "
                 "keychain. The passphrase comes from --passphrase-file "
                 "or standard input."));
    parser.addPositionalArgument(QStringLiteral("restore"), Text::tr("Restore."));
    parser.addPositionalArgument(QStringLiteral("backup"), Text::tr("Backup file."));
    parser.addOption({QStringLiteral("passphrase-file"), Text::tr("File holding the passphrase."),
                      Text::tr("file")});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 2) {
        return ctx.usage(Text::tr("keys restore needs the backup file."));
    }
    auto passphrase =
        ctx.readSecret(parser, QStringLiteral("passphrase-file"), Text::tr("backup passphrase"));
    if (!passphrase) {
        return ctx.report(passphrase.error());
    }
    auto pair = SigningKeyBackup::importFrom(parser.positionalArguments().at(1), *passphrase);
    if (!pair) {
        return ctx.report(pair.error());
    }
    auto* signing = new SigningKeyStore(ctx.keychain(),
                                        QString::fromLatin1(SigningKeyStore::DefaultService), &ctx);
    const QString id = pair->keyIdHex();
    auto keys = manager(ctx);
    if (!keys) {
        return ctx.report(keys.error());
    }
    signing->replace(*pair, &ctx, [&ctx, id, keys = *keys](Result<void> stored) {
        if (stored) {
            stored = keys->record(QStringLiteral("restore"), {},
                                  QStringLiteral("signing key %1 from a backup").arg(id),
                                  QDateTime::currentDateTimeUtc());
        }
        if (!stored) {
            ctx.finish(ctx.report(stored.error()));
            return;
        }
        ctx.out() << Text::tr("Restored signing key %1 into the keychain.").arg(id) << Qt::endl;
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

} // namespace raysec::cli::keys
