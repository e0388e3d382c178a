#pragma once

#include <QString>

#include <compare>
#include <optional>

namespace raysec::sim {

// A Ray release number (2.53.0). The simulated version decides which security features the
// head has: token auth from 2.52, the browser guard on DELETE from 2.54.
class RayVersion
{
public:
    RayVersion() = default;
    RayVersion(int major, int minor, int patch)
        : m_major(major)
        , m_minor(minor)
        , m_patch(patch)
    {
    }

    static std::optional<RayVersion> parse(const QString& text);

    QString toString() const;
    auto operator<=>(const RayVersion&) const = default;

    bool hasTokenAuth() const { return *this >= RayVersion(2, 52, 0); }
    bool hasBrowserGuard() const { return *this >= RayVersion(2, 52, 0); }
    bool guardsDelete() const { return *this >= RayVersion(2, 54, 0); }

private:
    int m_major = 2;
    int m_minor = 53;
    int m_patch = 0;
};

} // namespace raysec::sim
