#pragma once

// Small helpers over simdjson's on-demand API shared by the state-list and job-list parsers.
// Wrong types throw JsonReadError naming the field, so a parser can report exactly what was
// wrong; nothing is stored until a whole answer has parsed.

#include "core/common/Error.h"
#include "core/quotas/ResourceSet.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <simdjson.h>

#include <optional>
#include <string>

namespace raysec::json {

namespace od = simdjson::ondemand;

struct JsonReadError
{
    std::string field;
    std::string detail;
};

// Refuses an empty or oversized answer, then copies it into simdjson's padded buffer.
Result<simdjson::padded_string> padded(QByteArrayView bytes, const QString& what);

// The error that a parser returns for a JsonReadError or a simdjson failure.
Error malformed(const QString& what, const std::string& field, const std::string& detail);

void check(simdjson::error_code code, const char* field);

QString toQString(std::string_view text);
// A string or null (empty).
QString optionalString(od::value value, const char* field);
std::string_view stringView(od::value value, const char* field);
bool optionalBool(od::value value, const char* field, bool fallback);
double number(od::value value, const char* field);
std::optional<double> optionalNumber(od::value value, const char* field);
qint64 integer(od::value value, const char* field);
// Unix milliseconds or null.
std::optional<QDateTime> optionalTime(od::value value, const char* field);
// An object of resource name to number (null gives an empty set); uncounted names are skipped.
ResourceSet resources(od::value value, const char* field);
// An object of string to string, or null.
QMap<QString, QString> stringMap(od::value value, const char* field);
// A string, null, or an array of strings, appended to `out`.
void appendStrings(od::value value, const char* field, QStringList& out);

inline bool isNull(od::value value)
{
    bool null = false;
    return !value.is_null().get(null) && null;
}

} // namespace raysec::json
