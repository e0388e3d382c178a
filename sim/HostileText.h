#pragma once

#include <string>

namespace raysec::sim {

// Strings a hostile or careless cluster can put in job entrypoints, messages, names and logs:
// markup, script, terminal escapes, a right-to-left override, NUL, a spreadsheet formula and a
// very long line. Clients must show them as plain text and survive them.
class HostileText
{
public:
    static constexpr int kCount = 9;

    // The n-th hostile string (n wraps around), prefixed so rows stay distinguishable.
    static std::string sample(int n, const std::string& prefix = {});
    static std::string markup() { return "<img src=x onerror=alert(1)>"; }
    static std::string bold() { return "<b>x</b>"; }
    static std::string rtlOverride() { return "report\u202Etxt.exe"; }
    static std::size_t longLength() { return 70000; }
};

} // namespace raysec::sim
