#pragma once

#include "core/audit/RayVersion.h"
#include "core/audit/Severity.h"

#include <QStringList>

#include <optional>

namespace raysec {

// One known weakness of Ray from the offline advisory database: the versions it affects
// ([from, before), either bound optional) and what mitigates it without an upgrade.
struct Advisory
{
    QString id;
    QString summary;
    Severity severity = Severity::High;
    std::optional<RayVersion> from;   // inclusive
    std::optional<RayVersion> before; // exclusive; none means every later version too
    QString fixedIn;                  // empty when no release fixes it
    QString mitigatedBy;              // "token-auth" or empty
    bool disputed = false;
    QString remediation;
    QStringList references;

    bool affects(const RayVersion& version) const;
};

} // namespace raysec
