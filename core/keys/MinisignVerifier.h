#pragma once

#include "core/common/Error.h"

#include <QString>

#include <string_view>

namespace raysec {

struct MinisignPublicKey;

// Checks a `.minisig` signature (prehashed "ED" or legacy "Ed") and its trusted comment against
// a minisign public key. Every failure names what is wrong: layout, key id, signature or comment.
class MinisignVerifier
{
public:
    static Result<void> verify(std::string_view publicKeyText, std::string_view message,
                               std::string_view signatureText);

    // Verifies and returns the trusted comment, which is only trustworthy after verification.
    static Result<QString> verifiedComment(const MinisignPublicKey& key, std::string_view message,
                                           std::string_view signatureText);
};

} // namespace raysec
