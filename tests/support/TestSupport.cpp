#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

namespace raysec::test {

ScopedDataDir::ScopedDataDir()
    : m_previous(qgetenv("RAYSEC_DATA_DIR"))
{
    qputenv("RAYSEC_DATA_DIR", m_dir.path().toUtf8());
}

ScopedDataDir::~ScopedDataDir()
{
    if (m_previous.isEmpty()) {
        qunsetenv("RAYSEC_DATA_DIR");
    } else {
        qputenv("RAYSEC_DATA_DIR", m_previous);
    }
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QString builtProgram(const QString& name)
{
    return QDir(QStringLiteral(RAYSEC_BINARY_DIR)).filePath(QStringLiteral("bin/") + name);
}

bool secretServiceAvailable()
{
    QProcess busctl;
    busctl.start(QStringLiteral("dbus-send"),
                 {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                  QStringLiteral("--dest=org.freedesktop.DBus"),
                  QStringLiteral("/org/freedesktop/DBus"),
                  QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                  QStringLiteral("string:org.freedesktop.secrets")});
    if (!busctl.waitForFinished(5000)) {
        return false;
    }
    return busctl.readAllStandardOutput().contains("boolean true");
}

int runCli(const QStringList& args, QByteArray* out, QByteArray* err)
{
    QProcess p;
    p.start(builtProgram(QStringLiteral("raysec-cli")), args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        return -1;
    }
    if (out) {
        *out = p.readAllStandardOutput();
    }
    if (err) {
        *err = p.readAllStandardError();
    }
    return p.exitCode();
}

ProcessResult runProgram(const QString& program, const QStringList& args, const QByteArray& input)
{
    QProcess process;
    process.start(program, args);
    ProcessResult result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace raysec::test
