// The gateway's hot path: validate 1,000,000 presented API keys against a registry of 100,000
// (parse, checksum, lookup, hash, constant-time compare) on one thread, and the raw cost of
// the same hash, checksum and lookup on their own, as the machine's limit.

#include "core/keys/ApiKeyFormat.h"
#include "core/keys/ApiKeyHash.h"
#include "core/keys/KeyValidator.h"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

using namespace raysec;

namespace {

constexpr std::size_t RegistrySize = 100'000;
constexpr std::size_t Presented = 1'000'000;

// CPU time of this thread: the machine may be shared, and the target is per core, so the time
// the thread actually ran is the fair measure. Wall time is printed alongside.
struct Clock
{
    using time_point = double;
    static double now()
    {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
    }
};

double seconds(double start)
{
    return Clock::now() - start;
}

// Benchmark keys are synthetic, so plain strings are fine here (never in core).
std::vector<std::string> makeRegistry(KeyValidator& validator)
{
    std::vector<std::string> keys;
    keys.reserve(RegistrySize);
    validator.reserve(RegistrySize);
    for (std::size_t i = 0; i < RegistrySize; ++i) {
        keys.emplace_back(ApiKeyFormat::generate().view());
        ApiKeyFormat::Parts parts;
        ApiKeyFormat::inspect(keys.back(), parts);
        KeyValidator::Entry entry;
        entry.secretHash = ApiKeyHash::of(parts.body);
        entry.scopes = 1;
        validator.insert(parts.id, entry);
    }
    return keys;
}

// 90% valid, 5% right id with a wrong secret, 5% with one character mistyped.
std::vector<std::string> makePresented(const std::vector<std::string>& registry)
{
    std::vector<std::string> presented;
    presented.reserve(Presented);
    for (std::size_t i = 0; i < Presented; ++i) {
        std::string key = registry[randombytes_uniform(RegistrySize)];
        const std::size_t kind = i % 20;
        if (kind == 0) {
            ApiKeyFormat::Parts parts;
            ApiKeyFormat::inspect(key, parts);
            key = std::string(ApiKeyFormat::assemble(parts.id, std::string(33, 'x')).view());
        } else if (kind == 1) {
            key[30] = key[30] == 'a' ? 'b' : 'a';
        }
        presented.push_back(std::move(key));
    }
    return presented;
}

void reportLimits(const std::vector<std::string>& presented, const KeyValidator& validator)
{
    const std::size_t body = ApiKeyFormat::Length - ApiKeyFormat::ChecksumLength;
    unsigned sink = 0;
    auto start = Clock::now();
    for (const std::string& key : presented) {
        sink += ApiKeyHash::of(std::string_view(key).substr(0, body))[0];
    }
    const double hash = double(presented.size()) / seconds(start);
    start = Clock::now();
    for (const std::string& key : presented) {
        sink += ApiKeyFormat::checksum(std::string_view(key).substr(0, body));
    }
    const double crc = double(presented.size()) / seconds(start);
    std::printf("limit: BLAKE2b-256 of a %zu-byte key body: %.0f/s\n", body, hash);
    std::printf("limit: CRC32 of a %zu-byte key body:       %.0f/s\n", body, crc);
    std::printf("(sink %u, registry %zu)\n", sink & 1U, validator.size());
}

} // namespace

int main()
{
    if (sodium_init() < 0) {
        return 1;
    }
    KeyValidator validator;
    const std::vector<std::string> registry = makeRegistry(validator);
    const std::vector<std::string> presented = makePresented(registry);

    std::size_t valid = 0;
    const std::int64_t now = 1'800'000'000;
    const auto wallStart = std::chrono::steady_clock::now();
    const auto start = Clock::now();
    for (const std::string& key : presented) {
        valid += validator.validate(key, now).verdict == KeyValidator::Verdict::Valid;
    }
    const double elapsed = seconds(start);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const double rate = double(Presented) / elapsed;

    std::printf("API key validation: %zu keys against a registry of %zu, one thread\n", Presented,
                RegistrySize);
    std::printf("  %.3f s CPU (%.3f s wall), %.0f validations/s per core (%zu valid), "
                "target 500000/s: %s\n",
                elapsed, wall, rate, valid, rate >= 500'000 ? "met" : "MISSED");
    reportLimits(presented, validator);
    return rate >= 500'000 ? 0 : 1;
}
