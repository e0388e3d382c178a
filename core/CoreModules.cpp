#include "core/CoreModules.h"

namespace raysec {

QStringList coreModules()
{
    return QString::fromLatin1(RAYSEC_CORE_MODULES).split(QLatin1Char(','));
}

} // namespace raysec
