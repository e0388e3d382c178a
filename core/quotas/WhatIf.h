#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/UsageReport.h"

namespace raysec {

// A job submission as POST /api/jobs/ takes it: entrypoint, submission id, metadata and the
// entrypoint resources. Only these fields are read; the rest of the body is ignored.
struct JobSubmission
{
    QString entrypoint;
    QString submissionId;
    QMap<QString, QString> metadata;
    ResourceSet request;

    static Result<JobSubmission> fromJson(QByteArrayView json);
};

// One reason a submission would not fit.
struct WhatIfReason
{
    QString scope;  // "team:<name>", "key:<id>" or "cluster"
    QString metric; // "CPU", "GPU", "memory", "jobs", "submissions/h" or a custom resource
    double current = 0;
    double requested = 0;
    double limit = 0;
    QString text; // translated sentence
};

struct WhatIfAnswer
{
    QString team;
    QString keyId;
    bool fits = true;
    QList<WhatIfReason> reasons;      // hard limits or cluster capacity exceeded
    QList<WhatIfReason> softWarnings; // soft limits exceeded (would alert, still admitted)
    bool clusterChecked = false;      // false when the cluster's capacity was unknown
};

// Would a submission fit its team's (and key's) hard quota and the cluster's free resources?
class WhatIf
{
public:
    static WhatIfAnswer evaluate(const JobSubmission& submission, const UsageReport& usage,
                                 const QuotaConfig& config);
};

} // namespace raysec
