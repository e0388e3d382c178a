#pragma once

#include "sim/ApiRequest.h"
#include "sim/ClusterModel.h"
#include "sim/HttpReply.h"

#include <optional>

namespace raysec::sim {

// Ray's Jobs API under /api/jobs/: list, get, submit, stop, delete, logs and the log tail.
// Plain JSON in snake_case; errors are plain text, with Python tracebacks for rejected
// submissions. A log tail that may go ahead answers 101; JobLogTail then serves it.
class JobsApi
{
public:
    explicit JobsApi(ClusterModel& model);

    std::optional<HttpReply> handle(const ApiRequest& request);

private:
    HttpReply list() const;
    HttpReply submit(const ApiRequest& request);
    HttpReply onJob(const ApiRequest& request, const QString& id, const QString& action);
    HttpReply tail(const ApiRequest& request, const QString& id);

    ClusterModel& m_model;
};

} // namespace raysec::sim
