#include "core/cluster/JsonFields.h"

#include "core/cluster/ClusterErrors.h"

#include <QCoreApplication>

#include <cmath>
#include <vector>

namespace raysec::json {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::json::FieldReader)
};

bool isStructuralError(simdjson::error_code code)
{
    // Errors that mean the document itself is broken rather than a value of the wrong type.
    switch (code) {
    case simdjson::INCORRECT_TYPE:
    case simdjson::NUMBER_OUT_OF_RANGE:
    case simdjson::NUMBER_ERROR:
    case simdjson::NO_SUCH_FIELD:
        return false;
    default:
        return true;
    }
}

} // namespace

QString JsonPath::toString() const
{
    std::vector<const JsonPath*> chain;
    for (const JsonPath* p = this; p; p = p->m_parent) {
        chain.push_back(p);
    }
    QString out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonPath* p = *it;
        if (p->m_isIndex) {
            out += QLatin1Char('[') + QString::number(p->m_index) + QLatin1Char(']');
        } else if (!p->m_key.empty()) {
            if (!out.isEmpty()) {
                out += QLatin1Char('.');
            }
            out += toQString(p->m_key);
        }
    }
    return out.isEmpty() ? Text::tr("the document") : out;
}

Error FieldReader::malformed(const JsonPath& path, const QString& expected) const
{
    return ClusterErrors::malformed(m_endpoint, path.toString(), expected);
}

Error FieldReader::fromSimdjson(simdjson::error_code code, const JsonPath& path,
                                const QString& expected) const
{
    if (isStructuralError(code)) {
        return ClusterErrors::invalidJson(
            m_endpoint,
            Text::tr("at %1: %2")
                .arg(path.toString(), QString::fromUtf8(simdjson::error_message(code))));
    }
    return malformed(path, expected);
}

Result<od::object> FieldReader::object(od::value& v, const JsonPath& path) const
{
    od::object obj;
    if (auto err = v.get_object().get(obj)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("an object")));
    }
    return obj;
}

Result<od::array> FieldReader::array(od::value& v, const JsonPath& path) const
{
    od::array arr;
    if (auto err = v.get_array().get(arr)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("an array")));
    }
    return arr;
}

Result<std::optional<od::object>> FieldReader::objectOrNull(od::value& v,
                                                            const JsonPath& path) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("an object or null")));
    }
    if (isNull) {
        return std::optional<od::object>{};
    }
    auto obj = object(v, path);
    if (!obj) {
        return std::unexpected(obj.error());
    }
    return std::optional<od::object>{*obj};
}

Result<std::optional<od::array>> FieldReader::arrayOrNull(od::value& v, const JsonPath& path) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("an array or null")));
    }
    if (isNull) {
        return std::optional<od::array>{};
    }
    auto arr = array(v, path);
    if (!arr) {
        return std::unexpected(arr.error());
    }
    return std::optional<od::array>{*arr};
}

Result<std::string_view> FieldReader::rawString(od::value& v, const JsonPath& path) const
{
    std::string_view s;
    if (auto err = v.get_string().get(s)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a string")));
    }
    return s;
}

Result<QString> FieldReader::string(od::value& v, const JsonPath& path) const
{
    auto s = rawString(v, path);
    if (!s) {
        return std::unexpected(s.error());
    }
    return toQString(*s);
}

Result<QString> FieldReader::stringOrNull(od::value& v, const JsonPath& path) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a string or null")));
    }
    if (isNull) {
        return QString();
    }
    std::string_view s;
    if (auto err = v.get_string().get(s)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a string or null")));
    }
    return toQString(s);
}

Result<QString> FieldReader::wordOrNull(od::value& v, const JsonPath& path) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a string or null")));
    }
    if (isNull) {
        return QString();
    }
    std::string_view s;
    if (auto err = v.get_string().get(s)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a string or null")));
    }
    return vocabularyString(s);
}

QString vocabularyString(std::string_view s)
{
    // A handful of entries, searched linearly: cheaper than hashing for words this short.
    constexpr std::size_t maxEntries = 48;
    constexpr std::size_t maxLength = 40;
    thread_local std::vector<std::pair<std::string, QString>> cache;
    for (const auto& [bytes, text] : cache) {
        if (bytes == s) {
            return text;
        }
    }
    QString text = toQString(s);
    if (cache.size() < maxEntries && s.size() <= maxLength) {
        cache.emplace_back(std::string(s), text);
    }
    return text;
}

Result<bool> FieldReader::boolean(od::value& v, const JsonPath& path) const
{
    bool b = false;
    if (auto err = v.get_bool().get(b)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("true or false")));
    }
    return b;
}

Result<bool> FieldReader::booleanOrNull(od::value& v, const JsonPath& path) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("true, false or null")));
    }
    if (isNull) {
        return false;
    }
    return boolean(v, path);
}

Result<double> FieldReader::nonNegative(od::value& v, const JsonPath& path) const
{
    double d = 0;
    if (auto err = v.get_double().get(d)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a number")));
    }
    if (!std::isfinite(d) || d < 0) {
        return std::unexpected(malformed(path, Text::tr("a number of at least 0")));
    }
    return d;
}

Result<qint64> FieldReader::count(od::value& v, const JsonPath& path, qint64 max) const
{
    int64_t n = 0;
    // Built only on failure: this runs for every count in a bulk answer.
    const auto expected = [max] { return Text::tr("a whole number from 0 to %1").arg(max); };
    if (auto err = v.get_int64().get(n)) {
        return std::unexpected(fromSimdjson(err, path, expected()));
    }
    if (n < 0 || n > max) {
        return std::unexpected(malformed(path, expected()));
    }
    return qint64(n);
}

Result<std::optional<qint64>> FieldReader::countOrNull(od::value& v, const JsonPath& path,
                                                       qint64 max) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a whole number or null")));
    }
    if (isNull) {
        return std::optional<qint64>{};
    }
    auto n = count(v, path, max);
    if (!n) {
        return std::unexpected(n.error());
    }
    return std::optional<qint64>{*n};
}

Result<std::optional<qint64>> FieldReader::integerOrNull(od::value& v, const JsonPath& path) const
{
    bool isNull = false;
    if (auto err = v.is_null().get(isNull)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a whole number or null")));
    }
    if (isNull) {
        return std::optional<qint64>{};
    }
    int64_t n = 0;
    if (auto err = v.get_int64().get(n)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a whole number or null")));
    }
    return std::optional<qint64>{qint64(n)};
}

Result<std::string_view> FieldReader::key(simdjson::simdjson_result<od::field>& field,
                                          const JsonPath& path) const
{
    std::string_view k;
    if (auto err = field.unescaped_key().get(k)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a key")));
    }
    return k;
}

Result<od::value> FieldReader::value(simdjson::simdjson_result<od::field>& field,
                                     const JsonPath& path) const
{
    od::value v;
    if (auto err = field.value().get(v)) {
        return std::unexpected(fromSimdjson(err, path, Text::tr("a value")));
    }
    return v;
}

Result<QMap<QString, QString>> FieldReader::stringMap(od::value& v, const JsonPath& path) const
{
    auto obj = objectOrNull(v, path);
    if (!obj) {
        return std::unexpected(obj.error());
    }
    QMap<QString, QString> map;
    if (!*obj) {
        return map;
    }
    for (auto field : **obj) {
        auto k = key(field, path);
        if (!k) {
            return std::unexpected(k.error());
        }
        const JsonPath here = path.key(*k);
        auto val = value(field, here);
        if (!val) {
            return std::unexpected(val.error());
        }
        auto s = stringOrNull(*val, here);
        if (!s) {
            return std::unexpected(s.error());
        }
        map.insert(toQString(*k), *s);
    }
    return map;
}

Result<QMap<QString, double>> FieldReader::numberMap(od::value& v, const JsonPath& path) const
{
    auto obj = objectOrNull(v, path);
    if (!obj) {
        return std::unexpected(obj.error());
    }
    QMap<QString, double> map;
    if (!*obj) {
        return map;
    }
    for (auto field : **obj) {
        auto k = key(field, path);
        if (!k) {
            return std::unexpected(k.error());
        }
        const JsonPath here = path.key(*k);
        auto val = value(field, here);
        if (!val) {
            return std::unexpected(val.error());
        }
        auto d = nonNegative(*val, here);
        if (!d) {
            return std::unexpected(d.error());
        }
        map.insert(toQString(*k), *d);
    }
    return map;
}

PaddedBody::PaddedBody(const QByteArray& body)
{
    const auto size = std::size_t(body.size());
    const auto capacity = std::size_t(body.capacity());
    if (capacity >= size + simdjson::SIMDJSON_PADDING) {
        m_view = simdjson::padded_string_view(body.constData(), size, capacity);
    } else {
        m_copy = simdjson::padded_string(body.constData(), size);
        m_view = m_copy;
    }
}

Result<void> expectEnd(od::document& doc, const FieldReader& reader)
{
    // current_location() fails with OUT_OF_BOUNDS once every token has been consumed.
    if (doc.current_location().error() == simdjson::SUCCESS) {
        return std::unexpected(ClusterErrors::invalidJson(
            reader.endpoint(), QCoreApplication::translate("raysec::json::FieldReader",
                                                           "unexpected content after the end")));
    }
    return {};
}

} // namespace raysec::json
