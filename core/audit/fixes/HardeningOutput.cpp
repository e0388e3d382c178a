#include "core/audit/fixes/HardeningOutput.h"

namespace raysec {

const FixArtefact* HardeningOutput::find(const QString& path) const
{
    for (const FixArtefact& a : artefacts) {
        if (a.path == path) {
            return &a;
        }
    }
    return nullptr;
}

void HardeningOutput::offer(ConsoleChange change)
{
    if (!changes.contains(change)) {
        changes.append(change);
    }
}

} // namespace raysec
