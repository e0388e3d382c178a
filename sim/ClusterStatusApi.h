#pragma once

#include "sim/ApiRequest.h"
#include "sim/ClusterModel.h"
#include "sim/ClusterUsage.h"
#include "sim/HttpReply.h"

#include <optional>

namespace raysec::sim {

// GET /api/cluster_status: the autoscaler's view (load metrics and node lists) in the camelCase
// envelope, or with ?format=1 the text of `ray status`.
class ClusterStatusApi
{
public:
    explicit ClusterStatusApi(const ClusterModel& model);

    std::optional<HttpReply> handle(const ApiRequest& request) const;

private:
    nlohmann::json structured(const ClusterUsage& usage, std::int64_t nowMs) const;
    nlohmann::json autoscalerReport() const;
    std::string text(const ClusterUsage& usage, std::int64_t nowMs) const;

    const ClusterModel& m_model;
};

} // namespace raysec::sim
