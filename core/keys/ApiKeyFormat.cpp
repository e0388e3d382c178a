#include "core/keys/ApiKeyFormat.h"

#include <QCoreApplication>

#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>

namespace raysec {

namespace {

constexpr std::string_view Alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ApiKeyFormat)
};

bool isHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

void encodeChecksum(std::uint32_t value, char* out)
{
    for (std::size_t i = ApiKeyFormat::ChecksumLength; i-- > 0;) {
        out[i] = Alphabet[value % 62];
        value /= 62;
    }
}

void fillRandom(char* out, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        out[i] = Alphabet[randombytes_uniform(62)];
    }
}

} // namespace

bool ApiKeyFormat::isBase62(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::uint32_t ApiKeyFormat::checksum(std::string_view body)
{
    return std::uint32_t(crc32_z(0L, reinterpret_cast<const Bytef*>(body.data()), body.size()));
}

ApiKeyFormat::Status ApiKeyFormat::inspect(std::string_view key, Parts& parts,
                                           std::size_t* position)
{
    if (key.empty()) {
        return Status::Empty;
    }
    if (std::isspace(static_cast<unsigned char>(key.front())) ||
        std::isspace(static_cast<unsigned char>(key.back()))) {
        return Status::Whitespace;
    }
    if (!key.starts_with(Prefix)) {
        return key.size() == 64 && isHex(key) ? Status::RayToken : Status::Prefix;
    }
    if (key.size() != Length) {
        return Status::Length;
    }
    const std::size_t separator = Prefix.size() + IdLength;
    if (key[separator] != '_') {
        return Status::Separator;
    }
    for (std::size_t i = Prefix.size(); i < Length; ++i) {
        if (i != separator && !isBase62(key[i])) {
            if (position) {
                *position = i;
            }
            return Status::Character;
        }
    }
    parts.id = key.substr(Prefix.size(), IdLength);
    parts.secret = key.substr(separator + 1, SecretLength);
    parts.body = key.substr(0, Length - ChecksumLength);
    char expected[ChecksumLength];
    encodeChecksum(checksum(parts.body), expected);
    if (!std::equal(expected, expected + ChecksumLength, key.end() - ChecksumLength)) {
        return Status::Checksum;
    }
    return Status::Ok;
}

Result<ApiKeyFormat::Parts> ApiKeyFormat::parse(std::string_view key)
{
    Parts parts;
    std::size_t position = 0;
    const Status status = inspect(key, parts, &position);
    if (status != Status::Ok) {
        return std::unexpected(describe(status, key, position));
    }
    return parts;
}

Error ApiKeyFormat::describe(Status status, std::string_view key, std::size_t position)
{
    const QString retype = Text::tr("Copy the key again from where it was handed over.");
    switch (status) {
    case Status::Ok:
        return {};
    case Status::Empty:
        return {QStringLiteral("apikey.empty"), Text::tr("No API key was given."), retype};
    case Status::Whitespace:
        return {QStringLiteral("apikey.whitespace"),
                Text::tr("The API key starts or ends with a space or line break."),
                Text::tr("Remove the surrounding whitespace.")};
    case Status::RayToken:
        return {QStringLiteral("apikey.ray-token"),
                Text::tr("This is a Ray cluster token (64 hex characters), not a Raysec API key."),
                Text::tr("Use the key that starts with \"rsk_\".")};
    case Status::Prefix:
        return {QStringLiteral("apikey.prefix"),
                Text::tr("The API key does not start with \"rsk_\"."), retype};
    case Status::Length:
        return {
            QStringLiteral("apikey.length"),
            Text::tr("The API key has %1 characters instead of %2.").arg(key.size()).arg(Length),
            Text::tr("Part of the key is missing or doubled. %1").arg(retype)};
    case Status::Separator:
        return {QStringLiteral("apikey.separator"),
                Text::tr("The API key lacks the \"_\" after its 12-character key id."), retype};
    case Status::Character:
        return {
            QStringLiteral("apikey.character"),
            Text::tr("The API key has a character that is not a letter or digit at position %1.")
                .arg(position + 1),
            retype};
    case Status::Checksum:
        break;
    }
    return {QStringLiteral("apikey.checksum"),
            Text::tr("The API key's checksum does not match: it was mistyped or changed."), retype};
}

SecretBuffer ApiKeyFormat::generate()
{
    if (sodium_init() < 0) {
        qFatal("libsodium could not be initialised");
    }
    // Filled in place so that the key never exists outside guarded memory.
    SecretBuffer key(Length);
    char* out = key.data();
    std::copy(Prefix.begin(), Prefix.end(), out);
    fillRandom(out + Prefix.size(), IdLength);
    out[Prefix.size() + IdLength] = '_';
    fillRandom(out + Prefix.size() + IdLength + 1, SecretLength);
    encodeChecksum(checksum(key.view().substr(0, Length - ChecksumLength)),
                   out + Length - ChecksumLength);
    return key;
}

SecretBuffer ApiKeyFormat::assemble(std::string_view id, std::string_view secret)
{
    SecretBuffer key(Length);
    char* out = key.data();
    std::copy(Prefix.begin(), Prefix.end(), out);
    std::copy_n(id.begin(), std::min(id.size(), IdLength), out + Prefix.size());
    out[Prefix.size() + IdLength] = '_';
    std::copy_n(secret.begin(), std::min(secret.size(), SecretLength),
                out + Prefix.size() + IdLength + 1);
    encodeChecksum(checksum(key.view().substr(0, Length - ChecksumLength)),
                   out + Length - ChecksumLength);
    return key;
}

QString ApiKeyFormat::regex()
{
    return QStringLiteral("rsk_[0-9A-Za-z]{%1}_[0-9A-Za-z]{%2}")
        .arg(IdLength)
        .arg(SecretLength + ChecksumLength);
}

} // namespace raysec
