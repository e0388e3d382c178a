#include "core/audit/Finding.h"

namespace raysec {

QString findingStatusName(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Open:
        return QStringLiteral("open");
    case FindingStatus::Fixed:
        return QStringLiteral("fixed");
    case FindingStatus::Suppressed:
        return QStringLiteral("suppressed");
    }
    return QStringLiteral("open");
}

Finding Finding::forCheck(const Check& check)
{
    Finding f;
    f.checkId = check.id;
    f.title = check.title;
    f.mitigation = check.mitigation;
    f.severity = check.severity;
    return f;
}

} // namespace raysec
