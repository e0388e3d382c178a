#include "gateway/PolicyBundle.h"

#include "core/keys/MinisignVerifier.h"
#include "gateway/SignedUserDirectory.h"

#include <nlohmann/json.hpp>

namespace raysec::gateway {

std::expected<std::shared_ptr<const PolicyBundle>, std::string>
PolicyBundle::load(std::string_view publicKeyText, std::string_view json,
                   std::string_view signature)
{
    if (auto verified = MinisignVerifier::verify(publicKeyText, json, signature); !verified) {
        return std::unexpected(verified.error().text().toStdString());
    }
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() ||
        doc.value("format", "") != "raysec-gateway-policy" || doc.value("version", 0) != 1) {
        return std::unexpected("the policy is not a raysec-gateway-policy document, version 1");
    }
    JobPolicy jobPolicy = JobPolicy::defaults();
    if (doc.contains("jobPolicy")) {
        const std::string text = doc["jobPolicy"].dump();
        auto parsed = JobPolicy::parse(QByteArray::fromStdString(text),
                                       QStringLiteral("policy.json#jobPolicy"));
        if (!parsed) {
            return std::unexpected(parsed.error().text().toStdString());
        }
        jobPolicy = *parsed;
    }
    QuotaConfig quotas;
    if (doc.contains("quotas")) {
        const std::string text = doc["quotas"].dump();
        auto parsed = QuotaConfig::fromJson(QByteArrayView(text.data(), qsizetype(text.size())));
        if (!parsed) {
            return std::unexpected(parsed.error().text().toStdString());
        }
        quotas = *parsed;
    }
    return std::make_shared<const PolicyBundle>(std::move(jobPolicy), std::move(quotas),
                                                isoSeconds(doc.value("generated", "")));
}

PolicyBundle::PolicyBundle(JobPolicy jobPolicy, QuotaConfig quotas, std::int64_t version)
    : m_validator(std::move(jobPolicy))
    , m_quotas(std::move(quotas))
    , m_version(version)
{
}

SubmissionPolicy::Outcome PolicyBundle::check(std::string_view body,
                                              const Identity& submitter) const
{
    Outcome outcome;
    auto checked = m_validator.check(body, QString::fromStdString(submitter.id),
                                     QString::fromStdString(submitter.team));
    if (!checked) {
        outcome.reason = checked.error().text().toStdString();
        return outcome;
    }
    outcome.accepted = true;
    outcome.body = std::move(checked->body);
    return outcome;
}

} // namespace raysec::gateway
