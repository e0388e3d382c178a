#include "sim/SimIds.h"

namespace raysec::sim {

std::string SimIds::hex(int bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(std::size_t(bytes) * 2);
    for (int i = 0; i < bytes * 2; ++i) {
        text.push_back(digits[between(0, 15)]);
    }
    return text;
}

std::string SimIds::submissionId()
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string id = "raysubmit_";
    for (int i = 0; i < 16; ++i) {
        id.push_back(alphabet[between(0, int(sizeof alphabet) - 2)]);
    }
    return id;
}

std::string SimIds::jobId(std::uint32_t number)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    for (int byte = 0; byte < 4; ++byte) {
        const auto value = (number >> (8 * byte)) & 0xffu;
        text.push_back(digits[value >> 4]);
        text.push_back(digits[value & 0xfu]);
    }
    return text;
}

int SimIds::between(int low, int high)
{
    return std::uniform_int_distribution<int>(low, high)(m_rng);
}

double SimIds::unit()
{
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
}

} // namespace raysec::sim
