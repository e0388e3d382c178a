#pragma once

#include "core/common/Error.h"

#include <QStringList>

#include <nlohmann/json.hpp>

namespace raysec::jsonfields {

// Typed, validated reads of one field of a JSON object, for the audit data files. `where`
// names the object in messages ("check RAY-1.1"); `code` is the error code used on failure.
struct Reader
{
    const nlohmann::json& object;
    QString where;
    QString code;

    Result<QString> string(const char* key) const;
    Result<QString> optionalString(const char* key) const;
    Result<QStringList> stringList(const char* key) const;
    Result<bool> optionalBool(const char* key) const;
    Error error(const char* key, const QString& expected) const;
};

// The file-level envelope: {"format": <format>, "formatVersion": <1..maxVersion>, ...}.
Result<nlohmann::json> parseEnvelope(const QByteArray& bytes, const char* format, int maxVersion,
                                     const QString& code, const QString& fileName);

} // namespace raysec::jsonfields
