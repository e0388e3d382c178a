#pragma once

#include "core/common/Error.h"
#include "core/gatewayclient/PrometheusScrape.h"

#include <QByteArrayView>

namespace raysec {

// A strict reader of the Prometheus text exposition format (version 0.0.4), as served by
// raysec-gateway's /metrics. Anything it does not understand is an error naming the line, so a
// proxy's error page or a truncated answer is never mistaken for zero traffic.
class PrometheusParser
{
public:
    static constexpr qsizetype defaultMaxBytes = 8 * 1024 * 1024;
    static constexpr std::size_t maxSamples = 200'000;

    static Result<PrometheusScrape> parse(QByteArrayView text,
                                          qsizetype maxBytes = defaultMaxBytes);
};

} // namespace raysec
