#include "core/common/Error.h"

namespace raysec {

QString Error::text() const
{
    if (hint.isEmpty()) {
        return message;
    }
    return message + QLatin1Char(' ') + hint;
}

} // namespace raysec
