#include "core/passwords/HibpFile.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <cstring>
#include <string_view>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HibpFile)
};

constexpr std::size_t hexLength = 40;

// Upper-case hex SHA-1, as the file spells it. Held in a buffer the caller wipes.
bool sha1Hex(const SecretBuffer& password, std::array<char, hexLength>& hex)
{
    std::array<unsigned char, 20> digest{};
    unsigned int length = 0;
    if (EVP_Digest(password.data(), password.size(), digest.data(), &length, EVP_sha1(), nullptr) !=
            1 ||
        length != digest.size()) {
        return false;
    }
    static constexpr char digits[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < digest.size(); ++i) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 0xF];
    }
    sodium_memzero(digest.data(), digest.size());
    return true;
}

std::size_t lineStart(std::string_view data, std::size_t pos)
{
    while (pos > 0 && data[pos - 1] != '\n') {
        --pos;
    }
    return pos;
}

std::size_t nextLine(std::string_view data, std::size_t pos)
{
    const std::size_t end = data.find('\n', pos);
    return end == std::string_view::npos ? data.size() : end + 1;
}

// The first line whose hash is not less than `hex` (binary search over byte offsets).
std::size_t lowerBound(std::string_view data, std::string_view hex)
{
    std::size_t lo = 0;
    std::size_t hi = data.size();
    while (lo < hi) {
        const std::size_t start = lineStart(data, lo + (hi - lo) / 2);
        const std::string_view hash = data.substr(start, hexLength);
        if (start < lo || hash < hex) {
            lo = nextLine(data, std::max(start, lo));
        } else {
            hi = start;
        }
    }
    return lo;
}

long long countAt(std::string_view data, std::size_t pos, std::string_view hex)
{
    if (data.substr(pos, hexLength) != hex || data.substr(pos + hexLength, 1) != ":") {
        return 0;
    }
    long long count = 0;
    for (std::size_t i = pos + hexLength + 1; i < data.size() && data[i] >= '0' && data[i] <= '9';
         ++i) {
        count = std::min(count * 10 + (data[i] - '0'), 1'000'000'000'000LL);
    }
    return std::max(count, 1LL);
}

} // namespace

Result<long long> HibpFile::breachCount(const QString& path, const SecretBuffer& password)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("passwords.hibp-open"),
                    Text::tr("Cannot open the breached-password file %1: %2.")
                        .arg(path, file.errorString()),
                    Text::tr("Check the path in the policy, or clear it to skip this check."));
    }
    const qint64 size = file.size();
    uchar* mapped = size > 0 ? file.map(0, size) : nullptr;
    if (!mapped) {
        return 0LL;
    }
    const std::string_view data(reinterpret_cast<const char*>(mapped), std::size_t(size));
    if (data.size() < hexLength + 2 || data[hexLength] != ':') {
        return fail(
            QStringLiteral("passwords.hibp-format"),
            Text::tr("%1 is not a breached-password file of \"SHA1:COUNT\" lines.").arg(path),
            Text::tr("Use the SHA-1 file ordered by hash."));
    }

    std::array<char, hexLength> hex{};
    if (!sha1Hex(password, hex)) {
        return fail(QStringLiteral("passwords.hibp-digest"), Text::tr("SHA-1 is not available."));
    }
    const std::string_view target(hex.data(), hex.size());
    const long long count = countAt(data, lowerBound(data, target), target);
    sodium_memzero(hex.data(), hex.size());
    return count;
}

} // namespace raysec
