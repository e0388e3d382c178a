#pragma once

#include "core/passwords/HashParameters.h"

#include <functional>
#include <stop_token>

namespace raysec {

struct CalibrationResult
{
    bool cancelled = false; // stopped on request: not an error, `parameters` is then unset
    HashParameters parameters;
};

// Chooses Argon2id parameters for this machine: keeps the memory the admin chose (at least
// OWASP's 19 MiB) and raises the number of passes until one hash takes about `targetMs`.
// Blocking: the console runs it on a worker thread, the CLI on its only thread.
class HashCalibrator
{
public:
    using Progress = std::function<void(int percent)>;

    static Result<CalibrationResult> calibrate(int targetMs, std::size_t memLimitBytes,
                                               const Progress& progress = {},
                                               std::stop_token stop = {});
    // Milliseconds one crypto_pwhash_str takes with these parameters (a throwaway password).
    static Result<double> measure(unsigned long long opsLimit, std::size_t memLimitBytes);
};

} // namespace raysec
