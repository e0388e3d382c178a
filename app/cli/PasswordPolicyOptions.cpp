#include "PasswordPolicyOptions.h"

#include "core/common/SafeFile.h"

#include <QCoreApplication>

namespace raysec::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::cli::PasswordPolicyOptions)
};

// Applies the options given to `p`; returns a usage message on a malformed value.
QString applyPolicyOptions(const QCommandLineParser& parser, PasswordPolicy& p)
{
    auto number = [&](const char* name, int& field) {
        const QString option = QString::fromLatin1(name);
        bool ok = true;
        if (parser.isSet(option)) {
            field = parser.value(option).toInt(&ok);
        }
        return ok;
    };
    auto toggle = [&](const char* name, bool& field) {
        const QString option = QString::fromLatin1(name);
        if (!parser.isSet(option)) {
            return true;
        }
        field = parser.value(option) == QLatin1String("on");
        return field || parser.value(option) == QLatin1String("off");
    };
    if (!number("min-length", p.minLength) || !number("max-length", p.maxLength) ||
        !number("min-score", p.minScore) || !number("max-age", p.maxAgeDays)) {
        return Text::tr("Lengths, score and age take whole numbers.");
    }
    if (!toggle("bundled-blocklist", p.bundledBlocklist) ||
        !toggle("imported-blocklist", p.importedBlocklist)) {
        return Text::tr("Blocklist switches take on or off.");
    }
    if (parser.isSet(QStringLiteral("require"))) {
        const QString value = parser.value(QStringLiteral("require"));
        const auto classes = PasswordPolicy::classesFromNames(
            value == QLatin1String("none") ? QStringList() : value.split(u','));
        if (!classes) {
            return Text::tr("--require takes none or lower, upper, digit, symbol.");
        }
        p.requiredClasses = *classes;
    }
    if (parser.isSet(QStringLiteral("context"))) {
        p.contextWords = parser.value(QStringLiteral("context")).split(u',', Qt::SkipEmptyParts);
    }
    if (parser.isSet(QStringLiteral("hibp-file"))) {
        p.hibpFile = parser.value(QStringLiteral("hibp-file"));
    }
    return {};
}

} // namespace

void PasswordPolicyOptions::add(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("from"), Text::tr("Replace the policy with this JSON file."),
         Text::tr("file")},
        {QStringLiteral("preset"), Text::tr("Start from nist, organisation or custom."),
         Text::tr("preset")},
        {QStringLiteral("second-factor"),
         Text::tr("Passwords are used with a second factor (NIST: 8 "
                  "characters minimum).")},
        {QStringLiteral("min-length"), Text::tr("Minimum length in characters."), Text::tr("n")},
        {QStringLiteral("max-length"), Text::tr("Maximum length in characters."), Text::tr("n")},
        {QStringLiteral("require"),
         Text::tr("Required classes: none or a list of lower, upper, digit, "
                  "symbol."),
         Text::tr("list")},
        {QStringLiteral("min-score"), Text::tr("Minimum zxcvbn score, 0 to 4."), Text::tr("n")},
        {QStringLiteral("context"), Text::tr("Context words, comma separated (replaces the list)."),
         Text::tr("words")},
        {QStringLiteral("bundled-blocklist"), Text::tr("on or off."), Text::tr("state")},
        {QStringLiteral("imported-blocklist"), Text::tr("on or off."), Text::tr("state")},
        {QStringLiteral("hibp-file"), Text::tr("Offline HIBP SHA-1 file (empty to clear)."),
         Text::tr("file")},
        {QStringLiteral("max-age"), Text::tr("Days before a password expires (0: never)."),
         Text::tr("days")},
    });
}

Result<PasswordPolicy> PasswordPolicyOptions::apply(const QCommandLineParser& parser,
                                                    PasswordPolicy p)
{
    if (parser.isSet(QStringLiteral("from"))) {
        auto text = SafeFile::read(parser.value(QStringLiteral("from")), 1024 * 1024);
        if (!text) {
            return std::unexpected(text.error());
        }
        return PasswordPolicy::fromJsonText(*text);
    }
    if (parser.isSet(QStringLiteral("preset"))) {
        const auto preset = PasswordPolicy::presetFromName(parser.value(QStringLiteral("preset")));
        if (!preset) {
            return fail(QStringLiteral("cli.usage"),
                        Text::tr("--preset takes nist, organisation or custom."));
        }
        PasswordPolicy fresh =
            PasswordPolicy::forPreset(*preset, parser.isSet(QStringLiteral("second-factor")));
        // A preset sets the rules; the calibrated hashing and the site's words stay.
        fresh.hashing = p.hashing;
        fresh.contextWords = p.contextWords;
        fresh.hibpFile = p.hibpFile;
        p = fresh;
    }
    if (const QString bad = applyPolicyOptions(parser, p); !bad.isEmpty()) {
        return fail(QStringLiteral("cli.usage"), bad);
    }
    return p;
}

} // namespace raysec::cli
