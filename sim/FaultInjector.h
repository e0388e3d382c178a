#pragma once

#include "sim/HttpReply.h"
#include "sim/SimOptions.h"

#include <optional>
#include <random>

namespace raysec::sim {

// The test switches that make the head misbehave: --error-rate turns a share of API answers
// into 500 with a Python traceback, --malformed breaks successful JSON answers (cut in half,
// every value of the wrong type, padded past 64 MiB, or not JSON at all).
class FaultInjector
{
public:
    static constexpr qsizetype kOversizedBytes = 64 * 1024 * 1024 + 1;

    explicit FaultInjector(const SimOptions& options);

    std::optional<HttpReply> injectError(const QString& path);
    void mangle(HttpReply& reply) const;

    static nlohmann::json withWrongTypes(const nlohmann::json& value);

private:
    static QByteArray padded(const QByteArray& body);

    double m_errorRate;
    SimOptions::Malformed m_malformed;
    std::mt19937_64 m_rng;
};

} // namespace raysec::sim
