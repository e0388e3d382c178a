// Password hashing figures for docs/benchmarks.md: Argon2id time and memory at parameters
// calibrated on this machine, what an attacker with this machine gets against one hash, and
// the cost of a live policy check.

#include "core/passwords/HashCalibrator.h"
#include "core/passwords/PasswordChecker.h"
#include "core/passwords/PasswordHasher.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace raysec;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CPU time of one hash: what it would take on an idle machine, whatever else is running.
double cpuMs(const HashParameters& p)
{
    const double start = threadCpuMs();
    if (!HashCalibrator::measure(p.opsLimit, p.memLimitBytes)) {
        return -1;
    }
    return threadCpuMs() - start;
}

double medianMs(const HashParameters& p, int runs)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        times.push_back(HashCalibrator::measure(p.opsLimit, p.memLimitBytes).value_or(0));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Hashes on `threads` threads for about `seconds`; returns hashes per second. An attacker
// checking guesses against one stolen hash does exactly this work per guess.
double guessesPerSecond(const HashParameters& p, int threads, double seconds)
{
    std::atomic<long> done{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            const SecretBuffer guess = SecretBuffer::fromView("guess-password-candidate");
            while (timer.elapsed() < seconds * 1000) {
                if (PasswordHasher::hash(guess, p)) {
                    ++done;
                }
            }
        });
    }
    for (std::thread& w : workers) {
        w.join();
    }
    return double(done) / (double(timer.nsecsElapsed()) / 1e9);
}

void report(const char* label, const HashParameters& p)
{
    const double ms = medianMs(p, 5);
    const double cpu = cpuMs(p);
    const double one = guessesPerSecond(p, 1, 4);
    const double two = guessesPerSecond(p, 2, 4);
    std::printf("%-28s m=%zu KiB t=%llu p=1\n", label, p.memLimitBytes / 1024, p.opsLimit);
    std::printf("  one hash: %.1f ms wall (median of 5), %.1f ms CPU\n", ms, cpu);
    std::printf("  attacker measured now: %.2f guesses/s on 1 core, %.2f on 2 cores "
                "(%.0f a day)\n",
                one, two, two * 86400);
    std::printf("  attacker on this machine idle (2 cores / CPU time): %.2f guesses/s "
                "(%.0f a day)\n",
                2000 / cpu, 2000 / cpu * 86400);
}

double checkMicroseconds()
{
    const PasswordChecker checker(PasswordPolicy::forPreset(PolicyPreset::Nist));
    const SecretBuffer typed = SecretBuffer::fromView("glacier copper lantern fjord 77");
    QElapsedTimer timer;
    timer.start();
    constexpr int runs = 200;
    for (int i = 0; i < runs; ++i) {
        if (checker.check(typed).codePoints == 0) {
            return -1;
        }
    }
    return double(timer.nsecsElapsed()) / 1e3 / runs;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int targetMs = argc > 1 ? std::atoi(argv[1]) : 500;
    std::printf("Password hashing (Argon2id, libsodium crypto_pwhash_str, %u hardware threads)\n",
                std::thread::hardware_concurrency());

    const auto calibrated = HashCalibrator::calibrate(targetMs, 64 * HashParameters::MiB);
    if (!calibrated || calibrated->cancelled) {
        std::fprintf(stderr, "calibration failed\n");
        return 1;
    }
    std::printf("calibrated for %d ms at 64 MiB: t=%llu (confirmation run %.1f ms)\n", targetMs,
                calibrated->parameters.opsLimit, calibrated->parameters.measuredMs);
    report("calibrated", calibrated->parameters);

    HashParameters floor;
    floor.memLimitBytes = 19 * HashParameters::MiB;
    floor.opsLimit = 2;
    report("OWASP floor (19 MiB, t=2)", floor);
    std::printf("peak resident memory of this process: %ld KiB\n", peakRssKiB());
    std::printf("policy check with zxcvbn (NIST preset, 31 characters): %.0f us\n",
                checkMicroseconds());
    return 0;
}
