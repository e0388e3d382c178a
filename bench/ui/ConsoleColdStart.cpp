// Cold start of the console on the demo cluster: launches `raysec --demo --screenshot` with a
// fresh data folder several times and measures the time from launch until the console reports
// the first painted Overview (the screenshot's path on stdout). Prints each run and the median.
// Needs a Secret Service; without one it re-runs itself inside a private D-Bus session with an
// unlocked throwaway gnome-keyring.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

bool secretServiceAvailable()
{
    QProcess probe;
    probe.start(QStringLiteral("dbus-send"),
                {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                 QStringLiteral("--dest=org.freedesktop.DBus"),
                 QStringLiteral("/org/freedesktop/DBus"),
                 QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                 QStringLiteral("string:org.freedesktop.secrets")});
    return probe.waitForFinished(5000) && probe.readAllStandardOutput().contains("boolean true");
}

int runInsidePrivateSession(const QStringList& arguments, const QString& scratch)
{
    QProcess inner;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), scratch);
    env.insert(QStringLiteral("RAYSEC_BENCH_INNER"), QStringLiteral("1"));
    inner.setProcessEnvironment(env);
    inner.setProcessChannelMode(QProcess::ForwardedChannels);
    const QString script = QStringLiteral(
        "eval \"$(printf bench | gnome-keyring-daemon --unlock --components=secrets)\"; "
        "export GNOME_KEYRING_CONTROL; exec \"$@\"");
    inner.start(QStringLiteral("dbus-run-session"),
                QStringList{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                            script, QStringLiteral("bench")} +
                    arguments);
    inner.waitForFinished(-1);
    return inner.exitCode();
}

// Milliseconds from launch to the screenshot path on stdout, or nothing on failure.
std::optional<qint64> oneRun(const QString& raysec)
{
    QTemporaryDir data;
    QProcess console;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));
    console.setProcessEnvironment(env);
    console.setProcessChannelMode(QProcess::SeparateChannels);
    console.setStandardErrorFile(QProcess::nullDevice());

    QElapsedTimer clock;
    clock.start();
    console.start(raysec, {QStringLiteral("--demo"), QStringLiteral("--screenshot"),
                           data.filePath(QStringLiteral("shot.png")), QStringLiteral("--data-dir"),
                           data.path()});
    qint64 painted = -1;
    while (painted < 0 && console.waitForReadyRead(90000)) {
        if (console.readAllStandardOutput().contains(".png")) {
            painted = clock.elapsed();
        }
    }
    console.waitForFinished(30000);
    if (painted < 0 || console.exitCode() != 0) {
        return std::nullopt;
    }
    return painted;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 7;

    if (qEnvironmentVariableIsEmpty("RAYSEC_BENCH_INNER") && !secretServiceAvailable()) {
        QTemporaryDir scratch;
        return runInsidePrivateSession(QCoreApplication::arguments(), scratch.path());
    }

    const QString raysec =
        QDir(QStringLiteral(RAYSEC_BINARY_DIR)).filePath(QStringLiteral("bin/raysec"));
    QList<qint64> times;
    out << "Console cold start to the first painted Overview on the demo cluster (" << runs
        << " runs, " << QThread::idealThreadCount() << " cores)" << Qt::endl;
    for (int run = 1; run <= runs; ++run) {
        const auto ms = oneRun(raysec);
        if (!ms) {
            out << "run " << run << ": the console did not show the demo cluster" << Qt::endl;
            return 1;
        }
        out << "run " << run << ": " << *ms << " ms" << Qt::endl;
        times.append(*ms);
    }
    std::sort(times.begin(), times.end());
    out << "median " << times.at(times.size() / 2) << " ms, min " << times.first() << " ms, max "
        << times.last() << " ms" << Qt::endl;
    return 0;
}
