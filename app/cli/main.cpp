#include "CliCommand.h"
#include "CliContext.h"

#include "core/CoreInfo.h"
#include "core/CoreModules.h"
#include "core/common/Logging.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace raysec::cli;

namespace {

int printOverview(QTextStream& out)
{
    out << QCoreApplication::translate("raysec-cli", "Usage: raysec-cli <command> [options]")
        << "\n\n"
        << QCoreApplication::translate("raysec-cli", "Commands:") << "\n";
    for (const CliCommand& command : CliRegistry::commands()) {
        out << "  " << command.name.leftJustified(12)
            << QCoreApplication::translate("raysec-cli", command.summary) << "\n";
    }
    out << "\n"
        << QCoreApplication::translate("raysec-cli",
                                       "Run 'raysec-cli <command> --help' for a command's options.")
        << Qt::endl;
    return CliContext::ExitOk;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("raysec"));
    QCoreApplication::setApplicationVersion(raysec::versionString());
    raysec::installLogFormat();

    QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") ||
        args.at(1) == QLatin1String("help")) {
        return printOverview(out);
    }
    if (args.at(1) == QLatin1String("--version")) {
        out << "raysec-cli " << raysec::versionString() << Qt::endl
            << QCoreApplication::translate("raysec-cli", "core modules: %1")
                   .arg(raysec::coreModules().join(QStringLiteral(", ")))
            << Qt::endl;
        return CliContext::ExitOk;
    }

    const CliCommand* command = CliRegistry::find(args.at(1));
    if (!command) {
        QTextStream err(stderr);
        err << QCoreApplication::translate("raysec-cli", "Unknown command '%1'.").arg(args.at(1))
            << Qt::endl;
        printOverview(err);
        return CliContext::ExitUsage;
    }

    // "raysec-cli keys issue ..." is parsed by the command as "raysec-cli keys" + "issue ...".
    // Two statements: the order in which operands of '+' are evaluated is unspecified.
    const QString executable = args.takeFirst();
    const QString program = executable + QLatin1Char(' ') + args.takeFirst();
    args.prepend(program);
    CliContext context(args);
    const int code = command->run(context);
    if (code != CliContext::Pending) {
        context.out().flush();
        context.err().flush();
        return code;
    }
    return app.exec();
}
