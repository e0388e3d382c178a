#pragma once

#include "sim/ApiRequest.h"
#include "sim/ClusterModel.h"
#include "sim/HttpReply.h"

#include <optional>

namespace raysec::sim {

// Ray's state API under /api/v0: node, task, actor and placement-group lists with limit,
// detail and filters, and the task summary. Like Ray, the data source returns at most `limit`
// rows; filters apply to those, so a truncated list shows total > num_after_truncation.
class StateApi
{
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 10000;

    explicit StateApi(const ClusterModel& model);

    std::optional<HttpReply> handle(const ApiRequest& request) const;

private:
    struct ListQuery
    {
        int limit = kDefaultLimit;
        bool detail = false;
        std::vector<std::tuple<std::string, bool, std::string>> filters; // key, equal, value
    };

    static std::optional<HttpReply> parseQuery(const ApiRequest& request, ListQuery& query);
    template <typename Record, typename ToRow>
    HttpReply list(const ApiRequest& request, const std::vector<Record>& records,
                   ToRow toRow) const;
    HttpReply summarizeTasks(const ApiRequest& request) const;

    const ClusterModel& m_model;
};

} // namespace raysec::sim
