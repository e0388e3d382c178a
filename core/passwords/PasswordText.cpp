#include "core/passwords/PasswordText.h"

#include <QCoreApplication>
#include <QString>
#include <QStringConverter>

#include <sodium.h>

#include <functional>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::PasswordText)
};

Error notUtf8()
{
    return Error{QStringLiteral("password.invalid-utf8"),
                 Text::tr("The password is not valid UTF-8 text."),
                 Text::tr("Type the password again, or save the file that holds it as UTF-8.")};
}

// Decodes UTF-8 into UTF-16 inside a SecretBuffer, applies `transform` (a Qt Unicode operation)
// and encodes the outcome back into a SecretBuffer. Qt's normalisation and case folding work on
// QString and allocate their result, and normalisation builds intermediate copies inside Qt: those
// copies are freed without being wiped, which cannot be avoided short of a private Unicode
// implementation. The result string is wiped here as soon as it has been copied out.
Result<SecretBuffer> throughQString(const SecretBuffer& utf8,
                                    const std::function<QString(const QString&)>& transform)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless |
                                                       QStringConverter::Flag::ConvertInitialBom);
    SecretBuffer wide(std::size_t(decoder.requiredSpace(qsizetype(utf8.size()))) * sizeof(QChar));
    auto* begin = reinterpret_cast<QChar*>(wide.data());
    QChar* end = decoder.appendToBuffer(begin, QByteArrayView(utf8.data(), qsizetype(utf8.size())));
    if (decoder.hasError()) {
        return std::unexpected(notUtf8());
    }

    // fromRawData reads the secret buffer in place without copying it.
    QString result = transform(QString::fromRawData(begin, end - begin));

    QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    SecretBuffer out(std::size_t(encoder.requiredSpace(result.size())));
    char* last = encoder.appendToBuffer(out.data(), result);
    out.truncate(std::size_t(last - out.data()));

    const bool ownsCopy = result.constData() < begin || result.constData() >= end;
    if (ownsCopy && !result.isEmpty() && result.isDetached()) {
        sodium_memzero(result.data(), std::size_t(result.size()) * sizeof(QChar));
    }
    return out;
}

// Decodes the code point that starts at utf8[i] (input known to be valid) and advances i.
char32_t nextCodePoint(std::string_view utf8, std::size_t& i)
{
    const auto lead = static_cast<unsigned char>(utf8[i++]);
    int extra = 0;
    char32_t cp = lead;
    if (lead >= 0xF0) {
        extra = 3;
        cp = lead & 0x07;
    } else if (lead >= 0xE0) {
        extra = 2;
        cp = lead & 0x0F;
    } else if (lead >= 0xC0) {
        extra = 1;
        cp = lead & 0x1F;
    }
    for (; extra > 0 && i < utf8.size(); --extra) {
        cp = (cp << 6) | (static_cast<unsigned char>(utf8[i++]) & 0x3F);
    }
    return cp;
}

} // namespace

bool PasswordText::isAscii(std::string_view utf8)
{
    for (char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

bool PasswordText::isValidUtf8(std::string_view utf8)
{
    if (isAscii(utf8)) {
        return true;
    }
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    SecretBuffer wide(std::size_t(decoder.requiredSpace(qsizetype(utf8.size()))) * sizeof(QChar));
    decoder.appendToBuffer(reinterpret_cast<QChar*>(wide.data()),
                           QByteArrayView(utf8.data(), qsizetype(utf8.size())));
    return !decoder.hasError();
}

Result<SecretBuffer> PasswordText::normalized(const SecretBuffer& utf8)
{
    // ASCII is its own NFKC form, so the common case never leaves guarded memory.
    if (isAscii(utf8.view())) {
        return utf8.clone();
    }
    return throughQString(
        utf8, [](const QString& text) { return text.normalized(QString::NormalizationForm_KC); });
}

Result<SecretBuffer> PasswordText::caseFolded(const SecretBuffer& utf8)
{
    if (isAscii(utf8.view())) {
        SecretBuffer folded = utf8.clone();
        for (char& c : std::span(folded.data(), folded.size())) {
            if (c >= 'A' && c <= 'Z') {
                c = char(c - 'A' + 'a');
            }
        }
        return folded;
    }
    return throughQString(utf8, [](const QString& text) { return foldCase(text); });
}

QString PasswordText::foldCase(const QString& text)
{
    // QString::toCaseFolded applies simple folding only (ß stays ß); upper-casing first applies
    // the full special casing (ß becomes SS), so "Straße" and "STRASSE" fold alike.
    return text.toUpper().toLower();
}

qsizetype PasswordText::codePointCount(std::string_view utf8)
{
    qsizetype count = 0;
    for (char c : utf8) {
        // Every byte except a continuation byte (10xxxxxx) starts a code point.
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

unsigned PasswordText::classesOf(std::string_view utf8)
{
    unsigned classes = 0;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const char32_t cp = nextCodePoint(utf8, i);
        if (QChar::isLower(cp)) {
            classes |= Lower;
        } else if (QChar::isUpper(cp)) {
            classes |= Upper;
        } else if (QChar::isDigit(cp)) {
            classes |= Digit;
        } else if (!QChar::isLetter(cp) && !QChar::isMark(cp)) {
            // Punctuation, symbols, spaces and emoji; other letters (CJK, titlecase) count as
            // none of the classes.
            classes |= Symbol;
        }
    }
    return classes;
}

} // namespace raysec
