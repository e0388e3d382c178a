#pragma once

#include "core/audit/AuditRun.h"
#include "core/audit/Check.h"
#include "core/audit/Severity.h"

#include <QDateTime>

#include <optional>

namespace raysec {

enum class FindingStatus
{
    Open,
    Fixed,
    Suppressed
};

QString findingStatusName(FindingStatus status);

// A decision to accept a failing check for a while, with the reason; it lapses at `expires`.
struct Suppression
{
    QString reason;
    QDateTime expires;
    QDateTime created;

    bool activeAt(const QDateTime& now) const { return expires > now; }
};

// A check that has failed on a cluster at least once, with its state across runs.
struct Finding
{
    QString checkId;
    QString title;
    QString mitigation;
    Severity severity = Severity::Medium;
    FindingStatus status = FindingStatus::Open;
    QDateTime firstSeen;
    QDateTime lastSeen; // last run in which the check failed
    std::optional<Suppression> suppression;
    QString detail;
    QList<Evidence> evidence;

    // An open finding for `check`, with no dates yet.
    static Finding forCheck(const Check& check);
};

} // namespace raysec
