// raysec-cli passwords policy|check|hash|generate|calibrate|blocklist: the dashboard password
// policy from the command line. Passwords come from standard input or --password-file only.

#include "CliCommand.h"
#include "CliContext.h"
#include "PasswordPolicyOptions.h"

#include "core/passwords/HashCalibrator.h"
#include "core/passwords/PasswordGenerator.h"
#include "core/passwords/PasswordHasher.h"
#include "core/passwords/PasswordText.h"
#include "core/passwords/UserAccounts.h"
#include "core/store/Database.h"

#include <cstdio>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::PasswordsCommand)
};

const QString passwordFile = QStringLiteral("password-file");

Result<UserAccounts> accounts(CliContext& ctx)
{
    auto db = ctx.store();
    if (!db) {
        return std::unexpected(db.error());
    }
    UserAccounts accounts(**db);
    if (auto ok = accounts.migrate(); !ok) {
        return std::unexpected(ok.error());
    }
    return accounts;
}

// Writes a secret to standard output without passing it through QString.
void printSecret(CliContext& ctx, const SecretBuffer& secret)
{
    ctx.out().flush();
    std::fwrite(secret.data(), 1, secret.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void printPolicy(CliContext& ctx, const PasswordPolicy& p)
{
    if (ctx.json()) {
        ctx.printJson(p.toJson());
        return;
    }
    const QString none = Text::tr("none");
    const QStringList classes = PasswordPolicy::classNames(p.requiredClasses);
    ctx.out()
        << Text::tr("Preset:            %1").arg(PasswordPolicy::presetName(p.preset)) << '\n'
        << Text::tr("Length:            %1 to %2 characters").arg(p.minLength).arg(p.maxLength)
        << '\n'
        << Text::tr("Character classes: %1").arg(classes.isEmpty() ? none : classes.join(u','))
        << '\n'
        << Text::tr("Minimum strength:  %1 of 4").arg(p.minScore) << '\n'
        << Text::tr("Blocklists:        bundled %1, imported %2, HIBP file %3")
               .arg(p.bundledBlocklist ? Text::tr("on") : Text::tr("off"),
                    p.importedBlocklist ? Text::tr("on") : Text::tr("off"),
                    p.hibpFile.isEmpty() ? none : p.hibpFile)
        << '\n'
        << Text::tr("Context words:     %1")
               .arg(p.contextWords.isEmpty() ? none : p.contextWords.join(u','))
        << '\n'
        << Text::tr("Maximum age:       %1").arg(p.maxAgeNote()) << '\n'
        << Text::tr("Hashing:           Argon2id, %1 MiB, %2 passes, 1 lane (%3 ms measured)")
               .arg(p.hashing.memLimitBytes / HashParameters::MiB)
               .arg(p.hashing.opsLimit)
               .arg(p.hashing.measuredMs, 0, 'f', 0)
        << Qt::endl;
}

int showPolicy(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("policy show"), Text::tr("Print the policy."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto acc = accounts(ctx);
    if (!acc) {
        return ctx.report(acc.error());
    }
    auto policy = acc->policies().load();
    if (!policy) {
        return ctx.report(policy.error());
    }
    printPolicy(ctx, *policy);
    return CliContext::ExitOk;
}

int setPolicy(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Changes the password policy. Options not given keep their stored values; --preset "
        "starts from a preset's rules. A policy marked nist must meet NIST SP 800-63B-4."));
    parser.addPositionalArgument(QStringLiteral("policy set"), Text::tr("Change the policy."));
    PasswordPolicyOptions::add(parser);
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto acc = accounts(ctx);
    if (!acc) {
        return ctx.report(acc.error());
    }
    auto stored = acc->policies().load();
    if (!stored) {
        return ctx.report(stored.error());
    }
    auto policy = PasswordPolicyOptions::apply(parser, *stored);
    if (!policy) {
        return ctx.report(policy.error());
    }
    if (auto ok = acc->policies().save(*policy); !ok) {
        return ctx.report(ok.error());
    }
    printPolicy(ctx, *policy);
    return CliContext::ExitOk;
}

int check(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Checks a password read from standard input against the policy and prints every "
                 "reason it is refused. Exits 1 when it is refused."));
    parser.addPositionalArgument(QStringLiteral("check"), Text::tr("Check a password."));
    parser.addOptions(
        {{QStringLiteral("user"), Text::tr("User name to treat as a context word."),
          Text::tr("name")},
         {passwordFile, Text::tr("Read the password from this file."), Text::tr("file")}});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto acc = accounts(ctx);
    auto checker = acc ? acc->checker() : Result<PasswordChecker>(std::unexpected(acc.error()));
    if (!checker) {
        return ctx.report(checker.error());
    }
    auto password = ctx.readSecret(parser, passwordFile, Text::tr("password"));
    if (!password) {
        return ctx.report(password.error());
    }
    const QStringList context = parser.isSet(QStringLiteral("user"))
                                    ? QStringList{parser.value(QStringLiteral("user"))}
                                    : QStringList{};
    const PasswordVerdict result = checker->check(*password, context);
    if (ctx.json()) {
        ctx.printJson(result.toJson());
    } else {
        ctx.out() << (result.accepted() ? Text::tr("Accepted.") : Text::tr("Refused:")) << '\n';
        for (const RefusalReason& r : result.reasons) {
            ctx.out() << "  - " << r.message << '\n';
        }
        ctx.out() << Text::tr("%1 characters; strength %2 of 4 (%3), about 10^%4 guesses.")
                         .arg(result.codePoints)
                         .arg(result.strength.score)
                         .arg(StrengthEstimator::scoreName(result.strength.score))
                         .arg(result.strength.log10Guesses, 0, 'f', 1)
                  << Qt::endl;
    }
    return result.accepted() ? CliContext::ExitOk : CliContext::ExitFailure;
}

int hash(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Prints the Argon2id PHC hash of a password read from standard input, with the "
                 "policy's parameters. The password is checked against the policy first."));
    parser.addPositionalArgument(QStringLiteral("hash"), Text::tr("Hash a password."));
    parser.addOptions(
        {{QStringLiteral("no-check"), Text::tr("Hash even if the policy refuses it.")},
         {passwordFile, Text::tr("Read the password from this file."), Text::tr("file")}});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    auto acc = accounts(ctx);
    auto checker = acc ? acc->checker() : Result<PasswordChecker>(std::unexpected(acc.error()));
    if (!checker) {
        return ctx.report(checker.error());
    }
    auto password = ctx.readSecret(parser, passwordFile, Text::tr("password"));
    if (!password) {
        return ctx.report(password.error());
    }
    if (!parser.isSet(QStringLiteral("no-check"))) {
        const PasswordVerdict result = checker->check(*password);
        if (!result.accepted()) {
            return ctx.report({QStringLiteral("password.refused"),
                               result.reasons.constFirst().message,
                               Text::tr("Run 'raysec-cli passwords check' for every reason.")});
        }
    }
    auto normal = PasswordText::normalized(*password);
    auto phc = normal ? PasswordHasher::hash(*normal, checker->policy().hashing)
                      : Result<QString>(std::unexpected(normal.error()));
    if (!phc) {
        return ctx.report(phc.error());
    }
    if (ctx.json()) {
        ctx.printJson({{"hash", phc->toStdString()}});
    } else {
        ctx.out() << *phc << Qt::endl;
    }
    return CliContext::ExitOk;
}

int generate(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Prints random passwords or passphrases that the policy "
                 "accepts."));
    parser.addPositionalArgument(QStringLiteral("generate"), Text::tr("Generate passwords."));
    parser.addOptions(
        {{QStringLiteral("passphrase"), Text::tr("Words from the bundled word list.")},
         {QStringLiteral("length"), Text::tr("Characters (random passwords)."), Text::tr("n")},
         {QStringLiteral("words"), Text::tr("Words (passphrases)."), Text::tr("n")},
         {QStringLiteral("count"), Text::tr("How many to print."), Text::tr("n"),
          QStringLiteral("1")}});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    PasswordGenerator::Options options;
    options.kind = parser.isSet(QStringLiteral("passphrase")) ? PasswordGenerator::Kind::Passphrase
                                                              : PasswordGenerator::Kind::Random;
    bool ok[3] = {true, true, true};
    options.length = parser.value(QStringLiteral("length")).toInt(&ok[0]);
    options.words = parser.value(QStringLiteral("words")).toInt(&ok[1]);
    const int count = parser.value(QStringLiteral("count")).toInt(&ok[2]);
    if ((parser.isSet(QStringLiteral("length")) && !ok[0]) ||
        (parser.isSet(QStringLiteral("words")) && !ok[1]) || !ok[2] || count < 1 || count > 100) {
        return ctx.usage(Text::tr("--length and --words take numbers, --count 1 to 100."));
    }
    auto acc = accounts(ctx);
    auto checker = acc ? acc->checker() : Result<PasswordChecker>(std::unexpected(acc.error()));
    if (!checker) {
        return ctx.report(checker.error());
    }
    const PasswordGenerator generator(*checker);
    for (int i = 0; i < count; ++i) {
        auto secret = generator.generate(options);
        if (!secret) {
            return ctx.report(secret.error());
        }
        // The person asked to see it: standard output is its destination.
        printSecret(ctx, *secret);
    }
    if (!ctx.json()) {
        ctx.err() << Text::tr("About %1 bits of entropy each.")
                         .arg(generator.entropyBits(options), 0, 'f', 0)
                  << Qt::endl;
    }
    return CliContext::ExitOk;
}

int calibrate(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Measures Argon2id on this machine, chooses the passes that make one hash take the "
        "target time at the given memory, and stores them in the policy."));
    parser.addPositionalArgument(QStringLiteral("calibrate"), Text::tr("Calibrate hashing."));
    parser.addOptions({{QStringLiteral("target-ms"), Text::tr("Time for one hash."), Text::tr("ms"),
                        QStringLiteral("500")},
                       {QStringLiteral("memory-mib"), Text::tr("Memory per hash (at least 19)."),
                        Text::tr("MiB"), QStringLiteral("64")}});
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    bool okTarget = false;
    bool okMemory = false;
    const int target = parser.value(QStringLiteral("target-ms")).toInt(&okTarget);
    const int memory = parser.value(QStringLiteral("memory-mib")).toInt(&okMemory);
    if (!okTarget || !okMemory || memory < 1 || memory > 4096) {
        return ctx.usage(Text::tr("--target-ms and --memory-mib take whole numbers."));
    }
    auto acc = accounts(ctx);
    auto policy =
        acc ? acc->policies().load() : Result<PasswordPolicy>(std::unexpected(acc.error()));
    if (!policy) {
        return ctx.report(policy.error());
    }
    auto result = HashCalibrator::calibrate(target, std::size_t(memory) * HashParameters::MiB);
    if (!result) {
        return ctx.report(result.error());
    }
    policy->hashing = result->parameters;
    if (auto ok = acc->policies().save(*policy); !ok) {
        return ctx.report(ok.error());
    }
    printPolicy(ctx, *policy);
    return CliContext::ExitOk;
}

int blocklist(CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Imports a blocklist (one password a line, UTF-8) or "
                                              "clears the imported entries."));
    parser.addPositionalArgument(QStringLiteral("blocklist"), Text::tr("import FILE or clear."));
    int code = 0;
    if (!ctx.parse(parser, &code)) {
        return code;
    }
    const QStringList args = parser.positionalArguments();
    const bool isImport = args.size() == 3 && args.at(1) == QLatin1String("import");
    if (!isImport && !(args.size() == 2 && args.at(1) == QLatin1String("clear"))) {
        return ctx.usage(Text::tr("passwords blocklist takes import FILE or clear."));
    }
    auto acc = accounts(ctx);
    if (!acc) {
        return ctx.report(acc.error());
    }
    if (!isImport) {
        auto ok = acc->policies().clearImportedBlocklist();
        return ok ? int(CliContext::ExitOk) : ctx.report(ok.error());
    }
    auto count = acc->policies().importBlocklist(args.at(2));
    if (!count) {
        return ctx.report(count.error());
    }
    if (ctx.json()) {
        ctx.printJson({{"imported", *count}});
    } else {
        ctx.out() << Text::tr("Imported %1 entries.").arg(*count) << Qt::endl;
    }
    return CliContext::ExitOk;
}

int run(CliContext& ctx)
{
    const QString sub = ctx.arguments().value(1);
    const QString next = ctx.arguments().value(2);
    if (sub == QLatin1String("policy") &&
        (next == QLatin1String("show") || next == QLatin1String("set"))) {
        return next == QLatin1String("show") ? showPolicy(ctx) : setPolicy(ctx);
    }
    const std::pair<const char*, int (*)(CliContext&)> commands[] = {{"check", check},
                                                                     {"hash", hash},
                                                                     {"generate", generate},
                                                                     {"calibrate", calibrate},
                                                                     {"blocklist", blocklist}};
    for (const auto& [name, handler] : commands) {
        if (sub == QLatin1String(name)) {
            return handler(ctx);
        }
    }
    const QString summary =
        Text::tr("passwords takes policy show|set, check, hash, generate, calibrate "
                 "or blocklist import|clear; add --help to any of them.");
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("help")) {
        ctx.out() << summary << Qt::endl;
        return CliContext::ExitOk;
    }
    return ctx.usage(summary);
}

const CliRegistration registration{
    {QStringLiteral("passwords"),
     QT_TRANSLATE_NOOP("raysec-cli", "Dashboard password policy, checks, hashes and generator"),
     run}};

} // namespace

} // namespace raysec::cli
