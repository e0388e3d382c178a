#include "core/common/Paths.h"

#include <QDir>
#include <QStandardPaths>

namespace raysec {

QString Paths::dataDir()
{
    const QString overridden = qEnvironmentVariable("RAYSEC_DATA_DIR");
    if (!overridden.isEmpty()) {
        return overridden;
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/raysec");
}

QString Paths::storeFile()
{
    return QDir(dataDir()).filePath(QStringLiteral("raysec.sqlite"));
}

} // namespace raysec
