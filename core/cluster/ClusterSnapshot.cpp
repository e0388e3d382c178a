#include "core/cluster/ClusterSnapshot.h"

namespace raysec {

bool JobInfo::isTerminal() const
{
    return status == QLatin1String("STOPPED") || status == QLatin1String("SUCCEEDED") ||
           status == QLatin1String("FAILED");
}

} // namespace raysec
