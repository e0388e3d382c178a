#pragma once

#include "core/audit/fixes/FixArtefact.h"
#include "core/audit/fixes/RunbookBuilder.h"
#include "core/quotas/QuotaConfig.h"

#include <optional>
#include <vector>

namespace raysec {

// A change the console can make itself instead of the admin.
enum class ConsoleChange
{
    StoreRayToken,        // the new token in the keychain entry of the profile
    UseRayTokenAuth,      // the profile authenticates with that token
    SaveQuotaPolicy,      // the default quota policy in the store
    PublishKeyRegistry,   // an admin API key and the signed key registry in the gateway folder
    PublishGatewayBundles // the signed policy bundle (and user store) in the gateway folder
};

// Everything the generators made for one plan: the files, the manual steps, what the console
// can apply, and the new Ray token (kept only here, in guarded memory). Move-only.
struct HardeningOutput
{
    std::vector<FixArtefact> artefacts;
    RunbookBuilder runbook;
    QList<ConsoleChange> changes;
    SecretBuffer rayToken;             // empty unless a ray-token fix was chosen
    std::optional<QuotaConfig> quotas; // the configuration SaveQuotaPolicy stores
    QStringList fixedChecks;           // checks the generated fixes address

    void add(FixArtefact artefact) { artefacts.push_back(std::move(artefact)); }
    const FixArtefact* find(const QString& path) const;
    bool has(ConsoleChange change) const { return changes.contains(change); }
    void offer(ConsoleChange change);

    static constexpr auto runbookFileName = "RUNBOOK.md";
};

} // namespace raysec
