#pragma once

#include <QString>

#include <optional>

namespace raysec {

// How much a failed check matters, ordered so that comparisons mean "at least as severe".
enum class Severity
{
    Note,
    Low,
    Medium,
    High,
    Critical
};

QString severityName(Severity severity);
std::optional<Severity> severityFromName(const QString& name);

} // namespace raysec
