#pragma once

#include "core/common/Error.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <simdjson.h>

#include <optional>
#include <string_view>

// Typed reading of simdjson on-demand values for the dashboard parsers. Every reader checks the
// JSON type and range and, on failure, names the endpoint, the field's path and what Ray sends
// there. Strings are copied verbatim (the GUI shows them as plain text).
namespace raysec::json {

namespace od = simdjson::ondemand;

// Where a value sits in a document, such as data.result.result[17].state. Built only when an
// error is reported, so that the happy path allocates nothing for it.
class JsonPath
{
public:
    JsonPath() = default;
    JsonPath(const JsonPath* parent, std::string_view key)
        : m_parent(parent)
        , m_key(key)
    {
    }
    JsonPath(const JsonPath* parent, std::size_t index)
        : m_parent(parent)
        , m_index(index)
        , m_isIndex(true)
    {
    }
    JsonPath key(std::string_view k) const { return {this, k}; }
    JsonPath index(std::size_t i) const { return {this, i}; }
    QString toString() const;

private:
    const JsonPath* m_parent = nullptr;
    std::string_view m_key;
    std::size_t m_index = 0;
    bool m_isIndex = false;
};

// Reads the values of one endpoint's answer.
class FieldReader
{
public:
    explicit FieldReader(QString endpoint)
        : m_endpoint(std::move(endpoint))
    {
    }
    const QString& endpoint() const { return m_endpoint; }

    Error malformed(const JsonPath& path, const QString& expected) const;
    Error fromSimdjson(simdjson::error_code code, const JsonPath& path,
                       const QString& expected) const;

    Result<od::object> object(od::value& v, const JsonPath& path) const;
    Result<od::array> array(od::value& v, const JsonPath& path) const;
    // An object or array, or nullopt for JSON null.
    Result<std::optional<od::object>> objectOrNull(od::value& v, const JsonPath& path) const;
    Result<std::optional<od::array>> arrayOrNull(od::value& v, const JsonPath& path) const;

    Result<QString> string(od::value& v, const JsonPath& path) const;
    Result<QString> stringOrNull(od::value& v, const JsonPath& path) const; // null gives ""
    Result<std::string_view> rawString(od::value& v, const JsonPath& path) const;
    Result<bool> boolean(od::value& v, const JsonPath& path) const;
    Result<bool> booleanOrNull(od::value& v, const JsonPath& path) const; // null gives false
    // A finite number >= 0 (resource amounts).
    Result<double> nonNegative(od::value& v, const JsonPath& path) const;
    // An integer in [0, max] (counts, sizes).
    Result<qint64> count(od::value& v, const JsonPath& path,
                         qint64 max = std::numeric_limits<qint64>::max()) const;
    Result<std::optional<qint64>>
    countOrNull(od::value& v, const JsonPath& path,
                qint64 max = std::numeric_limits<qint64>::max()) const;
    Result<std::optional<qint64>> integerOrNull(od::value& v, const JsonPath& path) const;
    // An object of string values ({} or null gives an empty map).
    Result<QMap<QString, QString>> stringMap(od::value& v, const JsonPath& path) const;
    Result<QMap<QString, double>> numberMap(od::value& v, const JsonPath& path) const;

    // Reads a key, reporting a bad escape as malformed.
    Result<std::string_view> key(simdjson::simdjson_result<od::field>& field,
                                 const JsonPath& path) const;
    Result<od::value> value(simdjson::simdjson_result<od::field>& field,
                            const JsonPath& path) const;

private:
    QString m_endpoint;
};

// simdjson needs SIMDJSON_PADDING readable bytes after the document. A QByteArray read from the
// network usually has the spare capacity; otherwise the body is copied once.
class PaddedBody
{
public:
    explicit PaddedBody(const QByteArray& body);
    simdjson::padded_string_view view() const { return m_view; }

private:
    simdjson::padded_string m_copy;
    simdjson::padded_string_view m_view;
};

inline QString toQString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Checks that nothing but whitespace follows the top-level value.
Result<void> expectEnd(od::document& doc, const FieldReader& reader);

} // namespace raysec::json
