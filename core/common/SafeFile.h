#pragma once

#include "core/common/Error.h"

#include <QFileDevice>
#include <QString>

#include <string_view>

namespace raysec {

// Writes whole files atomically (QSaveFile): a crash leaves either the old file or the new one.
// Files holding private keys or secrets are written with owner-only permissions from the start.
class SafeFile
{
public:
    enum class Mode
    {
        Public,
        OwnerOnly
    };

    static Result<void> write(const QString& path, std::string_view contents,
                              Mode mode = Mode::Public);
    static Result<QByteArray> read(const QString& path, qint64 maxSize = 16 * 1024 * 1024);
    static QFileDevice::Permissions permissions(Mode mode);
};

} // namespace raysec
