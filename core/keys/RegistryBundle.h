#pragma once

#include "core/common/Error.h"
#include "core/keys/ApiKeyRecord.h"
#include "core/keys/KeyValidator.h"

#include <QDateTime>

#include <string>
#include <string_view>
#include <vector>

namespace raysec {

class MinisignKeyPair;
struct MinisignPublicKey;

// The registry as the gateway receives it: JSON with each key's id, owner, team, scopes,
// validity, status, rate tier and secret hash (never a secret), signed in minisign's format so
// that `minisign -V` and the gateway both check it. Format in docs/formats.md.
class RegistryBundle
{
public:
    static constexpr const char* FileName = "registry.json";

    static std::string toJson(const std::vector<ApiKeyRecord>& records, const QDateTime& generated,
                              const QString& signingKeyId);
    static Result<std::vector<ApiKeyRecord>> parse(std::string_view json);

    // The `.minisig` text for a bundle.
    static Result<std::string> sign(std::string_view json, const MinisignKeyPair& keyPair,
                                    const QDateTime& now, std::size_t keyCount);

    // Verifies the signature first and only then parses: what the gateway loads.
    static Result<KeyValidator> loadVerified(std::string_view json, std::string_view signature,
                                             const MinisignPublicKey& key);
};

} // namespace raysec
