#include "core/CoreInfo.h"

namespace raysec {

QString versionString()
{
    return QStringLiteral(RAYSEC_VERSION);
}

QString userAgent()
{
    return QStringLiteral("raysec/") + versionString();
}

} // namespace raysec
