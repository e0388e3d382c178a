// raysec-cli keys seal|open|recipient: handing a key to its owner as a sealed box.

#include "KeysCliSupport.h"

#include "core/common/SafeFile.h"
#include "core/keys/ApiKeyFormat.h"
#include "core/keys/HandoverIdentityStore.h"
#include "core/keys/KeyHandover.h"
#include "core/keys/KeyManager.h"

namespace raysec::cli::keys {

namespace {

HandoverIdentityStore* identities(CliContext& ctx)
{
    return new HandoverIdentityStore(
        ctx.keychain(), QString::fromLatin1(HandoverIdentityStore::DefaultService), &ctx);
}

} // namespace

int seal(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Seals an API key (from --key-file or standard input) "
                 "to a recipient's key, into a file only they can open."));
    parser.addPositionalArgument(QStringLiteral("seal"), Text::tr("Seal a key."));
    parser.addOptions({
        {QStringLiteral("recipient"), Text::tr("File with the recipient's key."), Text::tr("file")},
        {QStringLiteral("out"), Text::tr("Sealed file to write."), Text::tr("file")},
        {QStringLiteral("key-file"), Text::tr("File holding the API key."), Text::tr("file")},
    });
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (!parser.isSet(QStringLiteral("recipient")) || !parser.isSet(QStringLiteral("out"))) {
        return ctx.usage(Text::tr("keys seal needs --recipient and --out."));
    }
    auto key = ctx.readSecret(parser, QStringLiteral("key-file"), Text::tr("API key"));
    if (!key) {
        return ctx.report(key.error());
    }
    auto parts = ApiKeyFormat::parse(key->view());
    if (!parts) {
        return ctx.report(parts.error());
    }
    const QString id = QString::fromLatin1(parts->id.data(), qsizetype(parts->id.size()));
    auto recipient = SafeFile::read(parser.value(QStringLiteral("recipient")), 4096);
    if (!recipient) {
        return ctx.report(recipient.error());
    }
    auto sealed = KeyHandover::seal(*key, recipient->toStdString(), id);
    const QString out = parser.value(QStringLiteral("out"));
    auto written = sealed ? SafeFile::write(out, *sealed, SafeFile::Mode::OwnerOnly)
                          : std::unexpected(sealed.error());
    auto keys = manager(ctx);
    if (written && keys) {
        written = (*keys)->record(QStringLiteral("seal"), id, QStringLiteral("to %1").arg(out),
                                  QDateTime::currentDateTimeUtc());
    }
    if (!written || !keys) {
        return ctx.report(!written ? written.error() : keys.error());
    }
    ctx.out() << Text::tr("Sealed key %1 into %2.").arg(id, out) << Qt::endl;
    return CliContext::ExitOk;
}

int open(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Opens a sealed key with your keychain identity and "
                                              "prints it (or writes it to --out, mode 0600)."));
    parser.addPositionalArgument(QStringLiteral("open"), Text::tr("Open a sealed key."));
    parser.addPositionalArgument(QStringLiteral("sealed"), Text::tr("Sealed file."));
    parser.addOption(
        {QStringLiteral("out"), Text::tr("Write the key to this file."), Text::tr("file")});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    if (parser.positionalArguments().size() != 2) {
        return ctx.usage(Text::tr("keys open needs the sealed file."));
    }
    auto sealed = SafeFile::read(parser.positionalArguments().at(1), 64 * 1024);
    if (!sealed) {
        return ctx.report(sealed.error());
    }
    const QString out = parser.value(QStringLiteral("out"));
    identities(ctx)->load(&ctx, [&ctx, text = *sealed, out](Result<HandoverIdentity> identity) {
        auto secret = identity ? KeyHandover::open(text.toStdString(), *identity)
                               : std::unexpected(identity.error());
        if (!secret) {
            ctx.finish(ctx.report(secret.error()));
            return;
        }
        if (out.isEmpty()) {
            printSecret(ctx, *secret);
            ctx.finish(CliContext::ExitOk);
            return;
        }
        auto ok = SafeFile::write(out, secret->view(), SafeFile::Mode::OwnerOnly);
        ctx.finish(ok ? CliContext::ExitOk : ctx.report(ok.error()));
    });
    return CliContext::Pending;
}

int recipient(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Prints your recipient key (created in the keychain on "
                 "first use); send it to the admin who seals your key."));
    parser.addPositionalArgument(QStringLiteral("recipient"), Text::tr("Show your recipient key."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    identities(ctx)->load(&ctx, [&ctx](Result<HandoverIdentity> identity) {
        if (!identity) {
            ctx.finish(ctx.report(identity.error()));
            return;
        }
        ctx.out() << QString::fromStdString(identity->publicKeyText()) << Qt::endl;
        ctx.finish(CliContext::ExitOk);
    });
    return CliContext::Pending;
}

} // namespace raysec::cli::keys
