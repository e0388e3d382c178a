#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::SafeFile)
};

} // namespace

QFileDevice::Permissions SafeFile::permissions(Mode mode)
{
    if (mode == Mode::OwnerOnly) {
        return QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    }
    return QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
           QFileDevice::ReadOther;
}

Result<void> SafeFile::write(const QString& path, std::string_view contents, Mode mode)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return fail(QStringLiteral("file.mkdir"),
                    Text::tr("Cannot create the folder %1.").arg(info.absolutePath()),
                    Text::tr("Choose a folder you can write to."));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(QStringLiteral("file.open"),
                    Text::tr("Cannot write %1: %2.").arg(path, file.errorString()),
                    Text::tr("Check the folder's permissions and free space."));
    }
    // Restrict before any byte is written, so a secret is never readable by others.
    file.setPermissions(permissions(mode));
    if (file.write(contents.data(), qint64(contents.size())) != qint64(contents.size())) {
        file.cancelWriting();
        return fail(QStringLiteral("file.write"),
                    Text::tr("Writing %1 failed: %2.").arg(path, file.errorString()),
                    Text::tr("Check the free space on the disk."));
    }
    if (!file.commit()) {
        return fail(QStringLiteral("file.commit"),
                    Text::tr("Saving %1 failed: %2.").arg(path, file.errorString()),
                    Text::tr("Check the folder's permissions and free space."));
    }
    return {};
}

Result<QByteArray> SafeFile::read(const QString& path, qint64 maxSize)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("file.open"),
                    Text::tr("Cannot read %1: %2.").arg(path, file.errorString()),
                    Text::tr("Check that the file exists and that you may read it."));
    }
    if (file.size() > maxSize) {
        return fail(
            QStringLiteral("file.too-large"),
            Text::tr("%1 is larger than %2 bytes.").arg(path).arg(maxSize),
            Text::tr("Choose the right file; this one is too large to be what was asked for."));
    }
    return file.readAll();
}

} // namespace raysec
