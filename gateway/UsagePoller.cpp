#include "gateway/UsagePoller.h"

#include "core/quotas/StateListParser.h"
#include "core/quotas/UsageAggregator.h"
#include "gateway/PolicyBundle.h"
#include "gateway/Upstream.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>

#include <iostream>

namespace raysec::gateway {

namespace asio = boost::asio;

namespace {

// Running tasks, alive actors and created placement groups are what hold resources; the
// filters keep each list within Ray's 10,000-row limit on busy clusters.
const std::array<const char*, 5> paths = {
    "/api/jobs/",
    "/api/v0/tasks?detail=true&limit=10000&filter_keys=state&filter_predicates=%3D"
    "&filter_values=RUNNING",
    "/api/v0/actors?detail=true&limit=10000&filter_keys=state&filter_predicates=%3D"
    "&filter_values=ALIVE",
    "/api/v0/placement_groups?detail=true&limit=10000&filter_keys=state&filter_predicates=%3D"
    "&filter_values=CREATED",
    "/api/v0/nodes?limit=10000",
};

QByteArrayView view(const std::string& s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

} // namespace

UsagePoller::UsagePoller(GatewayState& state, std::chrono::seconds interval)
    : m_state(state)
    , m_interval(interval)
{
}

void UsagePoller::start(asio::io_context& context)
{
    asio::co_spawn(context, loop(), asio::detached);
}

std::expected<void, std::string> UsagePoller::publish(const std::array<std::string, 5>& bodies)
{
    auto input = std::make_shared<UsageInput>();
    auto jobs = JobListParser::parseJobs(view(bodies[0]));
    auto tasks = StateListParser::parseTasks(view(bodies[1]));
    auto actors = StateListParser::parseActors(view(bodies[2]));
    auto groups = StateListParser::parsePlacementGroups(view(bodies[3]));
    auto nodes = JobListParser::parseNodes(view(bodies[4]));
    const std::array<const Error*, 4> errors = {
        jobs ? nullptr : &jobs.error(), tasks ? nullptr : &tasks.error(),
        actors ? nullptr : &actors.error(), groups ? nullptr : &groups.error()};
    for (const Error* e : errors) {
        if (e) {
            return std::unexpected(e->text().toStdString());
        }
    }
    input->jobs = std::move(*jobs);
    input->tasks = std::move(*tasks);
    input->actors = std::move(*actors);
    input->placementGroups = std::move(*groups);
    if (nodes) {
        input->nodes = std::move(*nodes);
    }

    const auto bundles = m_state.bundles.load();
    const auto* policy = dynamic_cast<const PolicyBundle*>(bundles->submissions.get());
    const QuotaConfig config = policy ? policy->quotas() : QuotaConfig();
    auto report = std::make_shared<const UsageReport>(
        UsageAggregator::aggregate(input, config, QDateTime::currentDateTimeUtc()));
    for (auto it = report->teams.cbegin(); it != report->teams.cend(); ++it) {
        const QuotaPolicy* team = config.find(QuotaSubject::Team, it.key());
        for (const char* metric : {"CPU", "GPU", "memory"}) {
            const QString name = QString::fromLatin1(metric);
            m_state.metrics.setQuotaUsage(it.key().toStdString(), metric, it->metric(name),
                                          team ? team->hard.limit(name) : std::nullopt);
        }
    }
    m_latest.store(std::move(report));
    return {};
}

Task<void> UsagePoller::loop()
{
    const Executor executor = co_await asio::this_coro::executor;
    Upstream upstream(
        executor,
        {asio::ip::make_address(m_state.config.upstream.host), m_state.config.upstream.port},
        m_state.config.upstreamTimeout, 256 * 1024 * 1024);
    Timer timer(executor);
    for (;;) {
        std::array<std::string, 5> bodies;
        bool ok = true;
        for (std::size_t i = 0; i < paths.size() && ok; ++i) {
            Request request{http::verb::get, paths[i], 11};
            prepareUpstreamRequest(request, m_state.config.upstream.host,
                                   m_state.config.upstream.port, m_state.rayToken.get(), false);
            auto answer = co_await upstream.forward(std::move(request));
            ok = answer && answer->result() == http::status::ok;
            if (ok) {
                bodies[i] = std::move(answer->body());
            }
        }
        if (!ok) {
            std::cerr << "raysec-gateway: cannot read the cluster's usage; quota admission "
                         "refuses submissions until it can"
                      << std::endl;
        } else if (auto published = publish(bodies); !published) {
            std::cerr << "raysec-gateway: the cluster's usage is unreadable: " << published.error()
                      << std::endl;
        }
        timer.expires_after(m_interval);
        auto [ec] = co_await timer.async_wait(tupleAwaitable);
        if (ec) {
            co_return;
        }
    }
}

} // namespace raysec::gateway
