#include "core/quotas/StateSource.h"

#include "core/cluster/RayClient.h"

namespace raysec {

namespace {

class RayClientSource : public StateSource
{
public:
    explicit RayClientSource(RayClient& client)
        : m_client(client)
    {
    }

    void get(const QString& path, const QUrlQuery& query, Done done) override
    {
        m_client.get(path, query, &m_client, std::move(done));
    }

    void cancelAll() override { m_client.cancelAll(); }

private:
    RayClient& m_client;
};

} // namespace

std::unique_ptr<StateSource> StateSource::fromRayClient(RayClient& client)
{
    return std::make_unique<RayClientSource>(client);
}

} // namespace raysec
