#pragma once

#include "core/common/Error.h"

#include <QString>

#include <array>
#include <string_view>

namespace raysec {

// A minisign public key read from a `.pub` file or from its bare "RW..." line: what the
// gateway and `raysec-cli keys verify` trust.
struct MinisignPublicKey
{
    std::array<unsigned char, 8> keyId{};
    std::array<unsigned char, 32> key{};

    static Result<MinisignPublicKey> parse(std::string_view text);
    QString keyIdHex() const;
};

} // namespace raysec
