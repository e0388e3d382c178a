#include "core/passwords/HashCalibrator.h"

#include "core/passwords/PasswordHasher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HashCalibrator)
};

constexpr int samples = 3;

} // namespace

Result<double> HashCalibrator::measure(unsigned long long opsLimit, std::size_t memLimitBytes)
{
    // A random throwaway input: calibration never sees a real password.
    SecretBuffer probe(16);
    randombytes_buf(probe.data(), probe.size());
    HashParameters p;
    p.opsLimit = opsLimit;
    p.memLimitBytes = memLimitBytes;
    QElapsedTimer timer;
    timer.start();
    auto hashed = PasswordHasher::hash(probe, p);
    if (!hashed) {
        return std::unexpected(hashed.error());
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

Result<CalibrationResult> HashCalibrator::calibrate(int targetMs, std::size_t memLimitBytes,
                                                    const Progress& progress, std::stop_token stop)
{
    if (targetMs < 50 || targetMs > 10000) {
        return fail(QStringLiteral("passwords.calibration-target"),
                    Text::tr("The target time must be between 50 and 10000 milliseconds."),
                    Text::tr("Around 500 ms suits an interactive login."));
    }
    HashParameters p;
    p.memLimitBytes = memLimitBytes - memLimitBytes % 1024;
    p.opsLimit = p.memLimitBytes < 46 * HashParameters::MiB ? 2 : 1;
    if (auto ok = p.validated(); !ok) {
        return std::unexpected(ok.error());
    }

    // Time at two pass counts, the best of a few runs each to damp other load. The slope is
    // the cost of one pass; what remains is the fixed cost of filling the memory, which a
    // single measurement would count as passes and so stop short of the target.
    const unsigned long long low = p.opsLimit;
    const unsigned long long high = p.opsLimit + 2;
    std::array<double, 2> best{};
    for (int i = 0; i < 2 * samples; ++i) {
        if (stop.stop_requested()) {
            return CalibrationResult{true, {}};
        }
        const std::size_t which = i < samples ? 0 : 1;
        auto ms = measure(which == 0 ? low : high, p.memLimitBytes);
        if (!ms) {
            return std::unexpected(ms.error());
        }
        best[which] = i % samples == 0 ? *ms : std::min(best[which], *ms);
        if (progress) {
            progress((i + 1) * 60 / (2 * samples));
        }
    }
    double perPass = (best[1] - best[0]) / double(high - low);
    if (perPass <= 0) { // noise swamped the difference: fall back to the plain average
        perPass = best[1] / double(high);
    }
    const double fixed = std::max(best[0] - perPass * double(low), 0.0);
    const double budget = std::max(double(targetMs) - fixed, perPass);
    const auto passes = static_cast<unsigned long long>(std::lround(budget / perPass));
    p.opsLimit = std::clamp<unsigned long long>(passes, p.opsLimit, 64);

    // Confirm the choice with one real measurement.
    if (stop.stop_requested()) {
        return CalibrationResult{true, {}};
    }
    auto confirmed = measure(p.opsLimit, p.memLimitBytes);
    if (!confirmed) {
        return std::unexpected(confirmed.error());
    }
    p.targetMs = targetMs;
    p.measuredMs = *confirmed;
    p.calibratedAt = QDateTime::currentDateTimeUtc();
    if (progress) {
        progress(100);
    }
    return CalibrationResult{false, p};
}

} // namespace raysec
