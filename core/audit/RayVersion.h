#pragma once

#include <QList>
#include <QString>

#include <compare>
#include <optional>

namespace raysec {

// A Ray release number as /api/version reports it ("2.52.0", "2.9.0rc1", "3.0.0.dev0"), ordered
// so that pre-releases sort before their release.
class RayVersion
{
public:
    static std::optional<RayVersion> parse(const QString& text);

    QString toString() const { return m_text; }
    std::strong_ordering operator<=>(const RayVersion& other) const;
    bool operator==(const RayVersion& other) const { return (*this <=> other) == 0; }

private:
    QList<int> m_numbers; // always three or more components
    bool m_preRelease = false;
    QString m_suffix; // "rc1", "dev0"
    QString m_text;
};

} // namespace raysec
