#include "core/audit/Redactor.h"

#include <QRegularExpression>

namespace raysec {

QString Redactor::redact(QString text)
{
    static const QString mark = QStringLiteral("[redacted]");
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral("(?i)(bearer\\s+)[^\\s\"',;]+")),
        QRegularExpression(QStringLiteral("\\b[0-9a-fA-F]{48,}\\b")),
        QRegularExpression(QStringLiteral("\\brsk_[0-9A-Za-z_]+")),
        QRegularExpression(QStringLiteral(
            "(?i)(\"?[a-z_-]*(?:password|passwd|secret|token|api[_-]?key)[a-z_-]*\"?\\s*[:=]\\s*"
            "\"?)[^\\s\"',}]+")),
        QRegularExpression(QStringLiteral(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)")),
    };
    for (const QRegularExpression& pattern : patterns) {
        if (pattern.captureCount() >= 1 && !pattern.pattern().startsWith(QLatin1String("-----"))) {
            text.replace(pattern, QStringLiteral("\\1") + mark);
        } else {
            text.replace(pattern, mark);
        }
    }
    return text;
}

QString Redactor::excerpt(const QByteArray& body, int maxChars)
{
    // Redact before cutting so that a secret split by the cut cannot survive half-visible.
    QString text = redact(QString::fromUtf8(body.left(64 * 1024)));
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]"));
    text.replace(control, QStringLiteral("\u2400"));
    if (text.size() > maxChars) {
        text = text.left(maxChars) + QStringLiteral(" \u2026");
    }
    return text;
}

} // namespace raysec
