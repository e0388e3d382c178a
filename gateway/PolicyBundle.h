#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/validation/SubmissionValidator.h"
#include "gateway/Bundles.h"

#include <expected>

namespace raysec::gateway {

// The signed gateway policy ("raysec-gateway-policy", version 1; docs/formats.md): the job
// submission policy and the quota policy. Acts as the SubmissionPolicy; its quota part feeds
// the QuotaGate.
class PolicyBundle : public SubmissionPolicy
{
public:
    static std::expected<std::shared_ptr<const PolicyBundle>, std::string>
    load(std::string_view publicKeyText, std::string_view json, std::string_view signature);

    PolicyBundle(JobPolicy jobPolicy, QuotaConfig quotas, std::int64_t version);

    Outcome check(std::string_view body, const Identity& submitter) const override;
    std::int64_t version() const override { return m_version; }
    const QuotaConfig& quotas() const { return m_quotas; }

private:
    SubmissionValidator m_validator;
    QuotaConfig m_quotas;
    std::int64_t m_version;
};

} // namespace raysec::gateway
