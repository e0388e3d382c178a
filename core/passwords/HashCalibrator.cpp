#include "core/passwords/HashCalibrator.h"

#include "core/passwords/PasswordHasher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace raysec {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("raysec::HashCalibrator", text);
}

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
                    tr("The target time must be between 50 and 10000 milliseconds."),
                    tr("Around 500 ms suits an interactive login."));
    }
    HashParameters p;
    p.memLimitBytes = memLimitBytes - memLimitBytes % 1024;
    p.opsLimit = p.memLimitBytes < 46 * HashParameters::MiB ? 2 : 1;
    if (auto ok = p.validated(); !ok) {
        return std::unexpected(ok.error());
    }

    // Time per pass at the chosen memory, the best of a few runs to damp other load.
    double best = 0;
    for (int i = 0; i < samples; ++i) {
        if (stop.stop_requested()) {
            return CalibrationResult{true, {}};
        }
        auto ms = measure(p.opsLimit, p.memLimitBytes);
        if (!ms) {
            return std::unexpected(ms.error());
        }
        best = i == 0 ? *ms : std::min(best, *ms);
        if (progress) {
            progress((i + 1) * 60 / samples);
        }
    }
    const double perPass = best / double(p.opsLimit);
    const auto passes = static_cast<unsigned long long>(std::lround(targetMs / perPass));
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
