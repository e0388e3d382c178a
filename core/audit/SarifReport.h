#pragma once

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace raysec {

struct AuditReport;

// The audit report as a SARIF 2.1.0 log for code-scanning dashboards: one rule per check, one
// result per open or suppressed finding (suppressions carry their reason), the cluster's
// dashboard address as the artefact location.
class SarifReport
{
public:
    static QByteArray render(const AuditReport& report);
    static nlohmann::json toJson(const AuditReport& report);
};

} // namespace raysec
