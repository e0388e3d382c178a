#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>

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

} // namespace raysec::test
