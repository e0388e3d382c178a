#pragma once

#include "core/common/Error.h"
#include "core/common/SecretBuffer.h"

#include <QString>

#include <string_view>

namespace raysec {

// Unicode handling for passwords held in SecretBuffer (UTF-8): NFKC normalisation as NIST SP
// 800-63B-4 asks, case folding for blocklist comparison, code point counting and character
// classes. Non-ASCII text passes through Qt's Unicode tables; see normalized() for the one
// transient copy that cannot be wiped.
class PasswordText
{
public:
    enum Class : unsigned
    {
        Lower = 1,
        Upper = 2,
        Digit = 4,
        Symbol = 8
    };

    static bool isAscii(std::string_view utf8);
    static bool isValidUtf8(std::string_view utf8);

    // NFKC form of the password. Fails on bytes that are not UTF-8.
    static Result<SecretBuffer> normalized(const SecretBuffer& utf8);
    // Case folding for case-insensitive comparison, including full special casing (ß and SS).
    static Result<SecretBuffer> caseFolded(const SecretBuffer& utf8);
    // The same folding for text that is not secret (blocklist entries, context words).
    static QString foldCase(const QString& text);

    // Length as a person counts it: Unicode code points, not bytes or UTF-16 units.
    static qsizetype codePointCount(std::string_view utf8);
    // The Class bits present in valid UTF-8 text.
    static unsigned classesOf(std::string_view utf8);
};

} // namespace raysec
