#include "core/audit/Severity.h"

#include <array>

namespace raysec {

namespace {

constexpr std::array<const char*, 5> names{"note", "low", "medium", "high", "critical"};

} // namespace

QString severityName(Severity severity)
{
    return QString::fromLatin1(names.at(static_cast<std::size_t>(severity)));
}

std::optional<Severity> severityFromName(const QString& name)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (name == QLatin1String(names.at(i))) {
            return static_cast<Severity>(i);
        }
    }
    return std::nullopt;
}

} // namespace raysec
