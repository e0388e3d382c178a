#pragma once

#include "core/quotas/QuotaConfig.h"
#include "gateway/Bundles.h"
#include "gateway/UsagePoller.h"

#include <deque>
#include <mutex>

namespace raysec::gateway {

// Quota admission: the latest usage report plus the jobs this gateway admitted since that
// report, against the team's and key's hard limits (core/quotas WhatIf). Without a usage
// report it refuses, because an unknown usage cannot be shown to be within a hard limit.
class QuotaGate : public QuotaAdmission
{
public:
    explicit QuotaGate(const UsagePoller& usage, std::shared_ptr<const QuotaConfig> config);

    Outcome admit(const Identity& submitter, std::string_view body) override;

private:
    const UsagePoller& m_usage;
    std::shared_ptr<const QuotaConfig> m_config;
    std::mutex m_mutex;
    std::deque<std::pair<QDateTime, QString>> m_recent; // admitted: time, team
};

} // namespace raysec::gateway
