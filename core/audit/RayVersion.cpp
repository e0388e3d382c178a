#include "core/audit/RayVersion.h"

#include <QRegularExpression>

namespace raysec {

std::optional<RayVersion> RayVersion::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^([0-9]{1,4})\\.([0-9]{1,4})(?:\\.([0-9]{1,4}))?(?:[.-]?((?:rc|a|b|dev)[0-9]{0,4}))?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    RayVersion version;
    version.m_numbers = {match.captured(1).toInt(), match.captured(2).toInt(),
                         match.captured(3).isEmpty() ? 0 : match.captured(3).toInt()};
    version.m_suffix = match.captured(4);
    version.m_preRelease = !version.m_suffix.isEmpty();
    version.m_text = text.trimmed();
    return version;
}

std::strong_ordering RayVersion::operator<=>(const RayVersion& other) const
{
    for (qsizetype i = 0; i < m_numbers.size(); ++i) {
        if (const auto order = m_numbers.at(i) <=> other.m_numbers.at(i); order != 0) {
            return order;
        }
    }
    if (m_preRelease != other.m_preRelease) {
        return m_preRelease ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    // Pre-release suffixes of the same release compare as text ("dev0" < "rc1"), which is
    // enough for deciding whether an advisory's bound is crossed.
    const int byText = m_suffix.compare(other.m_suffix);
    return byText <=> 0;
}

} // namespace raysec
