#include "CliContext.h"

#include "core/common/Paths.h"
#include "core/common/SafeFile.h"
#include "core/store/Database.h"
#include "core/store/Keychain.h"

#include <QFile>
#include <QTimer>

#include <cstdio>

namespace raysec::cli {

CliContext::CliContext(QStringList arguments, QObject* parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
    , m_out(stdout)
    , m_err(stderr)
{
}

CliContext::~CliContext() = default;

bool CliContext::parse(QCommandLineParser& parser, int* exitCode)
{
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), tr("Print machine-readable JSON.")});
    if (!parser.parse(m_arguments)) {
        *exitCode = usage(parser.errorText());
        return false;
    }
    m_json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        m_out.flush();
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

void CliContext::printJson(const nlohmann::json& value)
{
    m_out << QString::fromStdString(value.dump(2)) << Qt::endl;
}

int CliContext::report(const Error& error)
{
    if (m_json) {
        nlohmann::json j = {{"error",
                             {{"code", error.code.toStdString()},
                              {"message", error.message.toStdString()},
                              {"hint", error.hint.toStdString()}}}};
        m_err << QString::fromStdString(j.dump(2)) << Qt::endl;
    } else {
        m_err << tr("error: %1").arg(error.text()) << Qt::endl;
    }
    return ExitFailure;
}

int CliContext::usage(const QString& message)
{
    m_err << tr("usage error: %1").arg(message) << Qt::endl
          << tr("Run '%1 --help' for the options.").arg(m_arguments.value(0)) << Qt::endl;
    return ExitUsage;
}

Result<Database*> CliContext::store()
{
    if (!m_store) {
        auto opened = Database::open(Paths::storeFile());
        if (!opened) {
            return std::unexpected(opened.error());
        }
        m_store = std::make_unique<Database>(std::move(*opened));
    }
    return m_store.get();
}

Keychain& CliContext::keychain()
{
    if (!m_keychain) {
        m_keychain = new Keychain(this);
    }
    return *m_keychain;
}

Result<SecretBuffer> CliContext::readSecret(const QCommandLineParser& parser,
                                            const QString& fileOption, const QString& what)
{
    SecretBuffer secret;
    if (!fileOption.isEmpty() && parser.isSet(fileOption)) {
        QFile file(parser.value(fileOption));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(QStringLiteral("cli.secret-file"),
                        tr("Cannot read the %1 from %2: %3.")
                            .arg(what, file.fileName(), file.errorString()),
                        tr("Check the path given with --%1.").arg(fileOption));
        }
        secret = SecretBuffer::readLine(file);
    } else {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly)) {
            return fail(QStringLiteral("cli.stdin"), tr("Cannot read standard input."));
        }
        secret = SecretBuffer::readLine(input);
    }
    if (secret.isEmpty()) {
        return fail(QStringLiteral("cli.secret-empty"), tr("No %1 was given.").arg(what),
                    tr("Pipe it on standard input or name a file with --%1.").arg(fileOption));
    }
    return secret;
}

void CliContext::finish(int exitCode)
{
    m_out.flush();
    m_err.flush();
    QTimer::singleShot(0, this, [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace raysec::cli
