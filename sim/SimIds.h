#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace raysec::sim {

// Makes ids in Ray's formats from the simulator's seeded generator, so a given --seed always
// yields the same cluster.
class SimIds
{
public:
    explicit SimIds(std::uint64_t seed)
        : m_rng(seed)
    {
    }

    // Random lowercase hex of the given number of bytes (node ids are 28, actors 16, ...).
    std::string hex(int bytes);
    // A submission id: raysubmit_ plus 16 letters and digits.
    std::string submissionId();
    // Ray's job id: a 4-byte little-endian counter in hex ("01000000" for the first job).
    static std::string jobId(std::uint32_t number);

    int between(int low, int high); // inclusive
    double unit();                  // [0, 1)
    std::mt19937_64& engine() { return m_rng; }

private:
    std::mt19937_64 m_rng;
};

} // namespace raysec::sim
