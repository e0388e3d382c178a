#pragma once

#include <QByteArray>
#include <QString>

namespace raysec {

// Turns a cluster's answer into evidence that is safe to store and show: at most `maxChars`
// characters of text, with anything that looks like a credential (bearer tokens, 64-hex Ray
// tokens, Raysec API keys, password and token fields, private keys) replaced by [redacted].
class Redactor
{
public:
    static QString excerpt(const QByteArray& body, int maxChars = 400);
    static QString redact(QString text);
};

} // namespace raysec
