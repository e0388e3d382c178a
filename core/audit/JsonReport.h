#pragma once

#include <QByteArray>

#include <nlohmann/json.hpp>

namespace raysec {

struct AuditReport;
struct Finding;

// The machine-readable audit report (format "raysec-audit-report", version 1; docs/formats.md).
class JsonReport
{
public:
    static QByteArray render(const AuditReport& report);
    static nlohmann::json toJson(const AuditReport& report);
    static nlohmann::json findingJson(const AuditReport& report, const Finding& finding);
};

} // namespace raysec
