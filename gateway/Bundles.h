#pragma once

#include "gateway/Identity.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace raysec::gateway {

// A dashboard user from the signed user store.
struct GatewayUser
{
    std::string name;
    std::string role; // viewer, operator, admin
    std::string team;
    std::string passwordHash; // Argon2id PHC string
    bool disabled = false;
};

class UserDirectory
{
public:
    virtual ~UserDirectory() = default;
    virtual std::optional<GatewayUser> find(std::string_view name) const = 0;
    virtual std::int64_t version() const = 0;
};

// Checks a job submission body; returns the refusal reason, or the body to forward (with the
// submitter stamped into its metadata).
class SubmissionPolicy
{
public:
    virtual ~SubmissionPolicy() = default;
    struct Outcome
    {
        bool accepted = false;
        std::string reason; // why refused, for the client
        std::string body;   // rewritten body when accepted
    };
    virtual Outcome check(std::string_view body, const Identity& submitter) const = 0;
    virtual std::int64_t version() const = 0;
};

// Decides whether a team may start another job now, given current usage.
class QuotaAdmission
{
public:
    virtual ~QuotaAdmission() = default;
    struct Outcome
    {
        bool admitted = true;
        std::string reason; // which limit, the current value and the limit
    };
    // `body` is the checked submission as it will be forwarded.
    virtual Outcome admit(const Identity& submitter, std::string_view body) = 0;
};

// Everything the signed bundles configure, swapped as one unit on reload.
struct Bundles
{
    std::shared_ptr<const KeyAuthority> keys;
    std::shared_ptr<const UserDirectory> users;
    std::shared_ptr<const SubmissionPolicy> submissions;
    std::shared_ptr<QuotaAdmission> quotas;
};

} // namespace raysec::gateway
