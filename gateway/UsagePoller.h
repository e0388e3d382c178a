#pragma once

#include "core/quotas/UsageReport.h"
#include "gateway/GatewayState.h"
#include "gateway/Io.h"

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <memory>

namespace raysec::gateway {

// Reads the cluster's current usage from Ray's state API and Jobs API through the upstream
// connection at a fixed interval, aggregates it with the quota engine (core/quotas) and
// publishes the report for quota admission and the quota gauges. Only passive GETs.
class UsagePoller
{
public:
    UsagePoller(GatewayState& state, std::chrono::seconds interval);

    void start(boost::asio::io_context& context);
    std::shared_ptr<const UsageReport> latest() const { return m_latest.load(); }
    // For tests and the first admission: aggregate from already-fetched bodies.
    std::expected<void, std::string> publish(const std::array<std::string, 5>& bodies);

private:
    Task<void> loop();

    GatewayState& m_state;
    std::chrono::seconds m_interval;
    std::atomic<std::shared_ptr<const UsageReport>> m_latest;
};

} // namespace raysec::gateway
