#pragma once

#include "core/common/Error.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

#include <cstddef>

namespace raysec {

// Argon2id cost parameters for libsodium's crypto_pwhash_str (one lane), with the calibration
// that chose them. OWASP's floor is 19 MiB of memory with two passes, or 46 MiB with one.
struct HashParameters
{
    static constexpr std::size_t MiB = 1024 * 1024;
    static constexpr std::size_t minimumMemory = 19 * MiB;
    static constexpr std::size_t maximumMemory = 4096 * MiB;

    unsigned long long opsLimit = 2;
    std::size_t memLimitBytes = 64 * MiB;
    int targetMs = 0;       // calibration target; 0 when not calibrated
    double measuredMs = 0;  // time one hash took on the calibrating machine
    QDateTime calibratedAt; // UTC, invalid when not calibrated

    Result<void> validated() const;
    nlohmann::json toJson() const;
    static Result<HashParameters> fromJson(const nlohmann::json& json);
    bool operator==(const HashParameters& other) const = default;
};

} // namespace raysec
