#pragma once

#include "core/audit/Severity.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace raysec {

// One hardening check as shipped in resources/audit/checks.json: what is probed, what counts as
// pass and fail, how to fix it and which of Raysec's generators can produce the fix.
struct Check
{
    QString id; // "RAY-1.1"
    QString title;
    QString mitigation; // "M1" .. "M9"
    Severity severity = Severity::Medium;
    QString probe; // name of the probe that evaluates it
    nlohmann::json params = nlohmann::json::object();
    QString passText;
    QString failText;
    QString remediation;
    QStringList references;
    QString fixKind; // see CheckCatalog::fixKinds()
    QString fixDescription;
};

} // namespace raysec
