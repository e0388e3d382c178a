#include "sim/HostileText.h"

namespace raysec::sim {

std::string HostileText::sample(int n, const std::string& prefix)
{
    switch (((n % kCount) + kCount) % kCount) {
    case 0:
        return prefix + markup();
    case 1:
        return prefix + bold() + "<script>alert('ray')</script>";
    case 2:
        return prefix + "\x1b[31mred\x1b[0m\r\nINFO all good\x07\x08";
    case 3:
        return prefix + rtlOverride();
    case 4:
        return prefix + std::string(longLength(), 'A');
    case 5:
        return prefix + "=cmd|' /C calc'!A0";
    case 6:
        return prefix + std::string("nul\0byte", 8);
    case 7:
        return prefix + "'; DROP TABLE jobs; -- \" onmouseover=\"alert(2)";
    default:
        return prefix + "\u200B\uFEFFzero\u2028width\u0085";
    }
}

} // namespace raysec::sim
