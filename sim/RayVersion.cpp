#include "sim/RayVersion.h"

#include <QRegularExpression>

namespace raysec::sim {

std::optional<RayVersion> RayVersion::parse(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return RayVersion(match.captured(1).toInt(), match.captured(2).toInt(),
                      match.captured(3).toInt());
}

QString RayVersion::toString() const
{
    return QStringLiteral("%1.%2.%3").arg(m_major).arg(m_minor).arg(m_patch);
}

} // namespace raysec::sim
