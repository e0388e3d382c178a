// raysec-sim: a Ray dashboard simulator for tests and the console's demo mode.

#include "core/common/Logging.h"
#include "sim/SignalWatcher.h"
#include "sim/SimOptions.h"
#include "sim/SimRunner.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("raysec-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAYSEC_VERSION));
    raysec::installLogFormat();

    QTextStream err(stderr);
    const raysec::Result<raysec::sim::SimOptions> options =
        raysec::sim::SimOptions::fromArguments(QCoreApplication::arguments());
    if (!options) {
        err << "raysec-sim: " << options.error().text() << Qt::endl;
        return 2;
    }

    raysec::sim::SignalWatcher watcher;
    QObject::connect(&watcher, &raysec::sim::SignalWatcher::terminationRequested, &app,
                     &QCoreApplication::quit);

    raysec::sim::SimRunner runner(*options);
    const raysec::Result<nlohmann::json> ready = runner.start();
    if (!ready) {
        err << "raysec-sim: " << ready.error().text() << Qt::endl;
        return 1;
    }
    std::fputs((ready->dump() + "\n").c_str(), stdout);
    std::fflush(stdout);
    return app.exec();
}
