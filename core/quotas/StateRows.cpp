#include "core/quotas/StateRows.h"

namespace raysec {

bool JobRow::isTerminal() const
{
    return status == QLatin1String("STOPPED") || status == QLatin1String("SUCCEEDED") ||
           status == QLatin1String("FAILED");
}

} // namespace raysec
