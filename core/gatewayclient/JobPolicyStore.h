#pragma once

#include "core/common/Error.h"
#include "core/validation/JobPolicy.h"

#include <optional>

namespace raysec {

class Database;

// The job-submission policy the console signs into the gateway's policy bundle, kept in the
// store as one raysec-job-policy document. Until one is saved, the bundles carry Raysec's
// recommended policy.
class JobPolicyStore
{
public:
    explicit JobPolicyStore(Database& db);

    static Result<void> migrate(Database& db);
    // The saved policy, or nothing when none was saved (or it was reset).
    Result<std::optional<JobPolicy>> load() const;
    // Saves a policy that passes JobPolicy::check and parses back unchanged; a refused one
    // leaves the stored one as it was.
    Result<void> save(const JobPolicy& policy);
    // Forgets the saved policy, so that the recommended one applies again.
    Result<void> reset();

    // The policy for the bundles and a phrase naming where it came from: the saved one, or
    // the recommended one when none is saved.
    Result<std::pair<JobPolicy, QString>> forBundles() const;

private:
    Database& m_db;
};

} // namespace raysec
