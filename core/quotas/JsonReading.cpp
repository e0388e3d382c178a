#include "core/quotas/JsonReading.h"

#include <QCoreApplication>
#include <QHash>

namespace raysec::json {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageParser)
};

// State answers beyond this are refused rather than parsed: 10,000 rows with detail stay far
// below it.
constexpr qsizetype maxAnswerBytes = 512LL * 1024 * 1024;

} // namespace

Result<simdjson::padded_string> padded(QByteArrayView bytes, const QString& what)
{
    if (bytes.isEmpty()) {
        return fail(
            QStringLiteral("quotas.empty-answer"), Text::tr("The %1 answer is empty.").arg(what),
            Text::tr("Check that the address points at a Ray dashboard; nothing was changed."));
    }
    if (bytes.size() > maxAnswerBytes) {
        return fail(
            QStringLiteral("quotas.answer-too-large"),
            Text::tr("The %1 answer is %2 MB, more than Raysec accepts.")
                .arg(what)
                .arg(bytes.size() / (1024 * 1024)),
            Text::tr("Ask for fewer rows (a smaller limit or a filter); nothing was changed."));
    }
    return simdjson::padded_string(bytes.data(), size_t(bytes.size()));
}

Error malformed(const QString& what, const std::string& field, const std::string& detail)
{
    return Error{
        QStringLiteral("quotas.malformed"),
        Text::tr("The %1 answer is not what Ray sends: %2 (at \"%3\").")
            .arg(what, QString::fromStdString(detail), QString::fromStdString(field)),
        Text::tr("Check that the address points at a Ray 2.x dashboard and that the answer "
                 "was saved whole; usage was left unchanged.")};
}

void check(simdjson::error_code code, const char* field)
{
    if (code != simdjson::SUCCESS) {
        throw JsonReadError{field, simdjson::error_message(code)};
    }
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string_view stringView(od::value value, const char* field)
{
    std::string_view text;
    check(value.get_string().get(text), field);
    return text;
}

QString optionalString(od::value value, const char* field)
{
    if (isNull(value)) {
        return {};
    }
    return toQString(stringView(value, field));
}

QString sharedString(od::value value, const char* field)
{
    if (isNull(value)) {
        return {};
    }
    const std::string_view text = stringView(value, field);
    thread_local QHash<QByteArray, QString> cache;
    if (cache.size() > 4096) {
        cache.clear(); // bounded: hostile answers cannot grow it without limit
    }
    const QByteArray key = QByteArray::fromRawData(text.data(), qsizetype(text.size()));
    if (auto it = cache.constFind(key); it != cache.constEnd()) {
        return it.value();
    }
    QString copy = toQString(text);
    cache.insert(QByteArray(text.data(), qsizetype(text.size())), copy);
    return copy;
}

bool optionalBool(od::value value, const char* field, bool fallback)
{
    if (isNull(value)) {
        return fallback;
    }
    bool flag = false;
    check(value.get_bool().get(flag), field);
    return flag;
}

double number(od::value value, const char* field)
{
    double amount = 0;
    check(value.get_double().get(amount), field);
    return amount;
}

std::optional<double> optionalNumber(od::value value, const char* field)
{
    if (isNull(value)) {
        return std::nullopt;
    }
    return number(value, field);
}

qint64 integer(od::value value, const char* field)
{
    int64_t count = 0;
    check(value.get_int64().get(count), field);
    return count;
}

std::optional<QDateTime> optionalTime(od::value value, const char* field)
{
    const std::optional<double> ms = optionalNumber(value, field);
    if (!ms) {
        return std::nullopt;
    }
    return QDateTime::fromMSecsSinceEpoch(qint64(*ms), Qt::UTC);
}

ResourceSet resources(od::value value, const char* field)
{
    ResourceSet set;
    if (isNull(value)) {
        return set;
    }
    od::object object;
    check(value.get_object().get(object), field);
    for (auto entry : object) {
        std::string_view name;
        check(entry.unescaped_key().get(name), field);
        od::value amount;
        check(entry.value().get(amount), field);
        const double parsed = number(amount, field);
        if (parsed < 0) {
            throw JsonReadError{field, "a resource amount is negative"};
        }
        set.set(name, parsed);
    }
    return set;
}

QMap<QString, QString> stringMap(od::value value, const char* field)
{
    QMap<QString, QString> map;
    if (isNull(value)) {
        return map;
    }
    od::object object;
    check(value.get_object().get(object), field);
    for (auto entry : object) {
        std::string_view key;
        check(entry.unescaped_key().get(key), field);
        od::value text;
        check(entry.value().get(text), field);
        map.insert(toQString(key), optionalString(text, field));
    }
    return map;
}

void appendStrings(od::value value, const char* field, QStringList& out)
{
    if (isNull(value)) {
        return;
    }
    od::json_type type = od::json_type::null;
    check(value.type().get(type), field);
    if (type == od::json_type::string) {
        const QString text = optionalString(value, field);
        if (!text.isEmpty()) {
            out.append(text);
        }
        return;
    }
    od::array array;
    check(value.get_array().get(array), field);
    for (auto item : array) {
        od::value element;
        check(item.get(element), field);
        out.append(optionalString(element, field));
    }
}

} // namespace raysec::json
