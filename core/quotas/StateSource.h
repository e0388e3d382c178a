#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace raysec {

class RayClient;

// Where the usage engine gets raw dashboard answers from: the console's RayClient today, the
// gateway's own HTTP client later. get() calls `done` once, on the caller's thread, unless
// cancelAll() ran first.
class StateSource
{
public:
    using Done = std::function<void(Result<QByteArray>)>;

    virtual ~StateSource() = default;
    virtual void get(const QString& path, const QUrlQuery& query, Done done) = 0;
    virtual void cancelAll() = 0;

    // A source over a configured RayClient (which must outlive the source).
    static std::unique_ptr<StateSource> fromRayClient(RayClient& client);
};

} // namespace raysec
