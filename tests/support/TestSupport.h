#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace raysec::test {

// A private data folder for one test: sets RAYSEC_DATA_DIR so that the store, the CLI and the
// console use it, and removes it afterwards.
class ScopedDataDir
{
public:
    ScopedDataDir();
    ~ScopedDataDir();
    QString path() const { return m_dir.path(); }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QByteArray m_previous;
};

// Reads a whole file; empty when it cannot be read.
QByteArray readFile(const QString& path);
// Writes a whole file, replacing what it held; false when it cannot be written.
bool writeFile(const QString& path, const QByteArray& bytes);

// Path of a program built by this project (raysec-cli, raysec-sim, ...).
QString builtProgram(const QString& name);

// Runs the built raysec-cli with `args` and no standard input; its exit code, or -1 when it
// did not finish within two minutes. `out` and `err` receive what it printed.
int runCli(const QStringList& args, QByteArray* out = nullptr, QByteArray* err = nullptr);

// Output of one finished external program.
struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
};

// Runs a program (a name on PATH or a path) to its end (30 s at most), feeding `input` on
// standard input.
ProcessResult runProgram(const QString& program, const QStringList& args,
                         const QByteArray& input = {});

// A loopback port that was free a moment ago, for probes that must find nothing listening.
quint16 closedPort();

// True when a Secret Service is reachable on the session bus (gnome-keyring under
// dbus-run-session in CI). Tests that need the real keychain require it rather than skip.
bool secretServiceAvailable();

} // namespace raysec::test
