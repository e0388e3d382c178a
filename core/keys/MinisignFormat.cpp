#include "core/keys/MinisignFormat.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <sodium.h>

#include <cstdio>

namespace raysec::minisign {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::minisign)
};

} // namespace

std::string toBase64(std::span<const unsigned char> bytes)
{
    const std::size_t size =
        sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string out(size, '\0');
    sodium_bin2base64(out.data(), size, bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(size - 1); // drop the terminating NUL
    return out;
}

Result<std::vector<unsigned char>> fromBase64(std::string_view text, const QString& what)
{
    std::vector<unsigned char> out(text.size());
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size()) {
        return fail(QStringLiteral("minisign.base64"),
                    Text::tr("The %1 is not valid base64.").arg(what),
                    Text::tr("Copy the line again without changing or wrapping it."));
    }
    out.resize(length);
    return out;
}

QString keyIdHex(std::span<const unsigned char, 8> keyId)
{
    QString hex;
    for (int i = 7; i >= 0; --i) {
        hex += QStringLiteral("%1").arg(keyId[std::size_t(i)], 2, 16, QLatin1Char('0')).toUpper();
    }
    return hex;
}

std::vector<std::string_view> lines(std::string_view text)
{
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        out.push_back(line);
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return out;
}

Result<void> checkComment(std::string_view comment, const QString& what)
{
    if (comment.size() > MaxCommentSize) {
        return fail(QStringLiteral("minisign.comment-too-long"),
                    Text::tr("The %1 is longer than %2 bytes.").arg(what).arg(MaxCommentSize),
                    Text::tr("Shorten the comment."));
    }
    for (const char c : comment) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            return fail(QStringLiteral("minisign.comment-control"),
                        Text::tr("The %1 contains a line break or control character.").arg(what),
                        Text::tr("Keep the comment on one line."));
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded =
        decoder.decode(QByteArrayView(comment.data(), qsizetype(comment.size())));
    if (decoder.hasError()) {
        return fail(QStringLiteral("minisign.comment-utf8"),
                    Text::tr("The %1 is not valid UTF-8.").arg(what), Text::tr("Use plain text."));
    }
    return {};
}

} // namespace raysec::minisign
