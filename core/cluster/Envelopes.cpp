#include "core/cluster/Envelopes.h"

#include "core/cluster/ClusterErrors.h"

#include <QCoreApplication>

namespace raysec::json {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::json::Envelopes)
};

Result<od::object> rootObject(od::document& doc, const FieldReader& reader)
{
    od::object root;
    if (auto err = doc.get_object().get(root)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("an object")));
    }
    return root;
}

Result<QStringList> readWarnings(od::value& v, const JsonPath& path, const FieldReader& reader)
{
    // Ray sends null or a list of strings; anything else in the list is shown as its JSON.
    QStringList warnings;
    auto arr = reader.arrayOrNull(v, path);
    if (!arr) {
        return std::unexpected(arr.error());
    }
    if (!*arr) {
        return warnings;
    }
    std::size_t i = 0;
    for (auto item : **arr) {
        od::value element;
        if (auto err = item.get(element)) {
            return std::unexpected(reader.fromSimdjson(err, path.index(i), Text::tr("a string")));
        }
        auto s = reader.string(element, path.index(i));
        if (!s) {
            return std::unexpected(s.error());
        }
        warnings.append(*s);
        ++i;
    }
    return warnings;
}

// Reads the fields of data.result in a state API answer.
Result<StateListMeta> readStateResult(od::value& v, const JsonPath& path, const FieldReader& reader,
                                      const ValueHandler& onResult)
{
    auto obj = reader.object(v, path);
    if (!obj) {
        return std::unexpected(obj.error());
    }
    StateListMeta meta;
    bool sawResult = false;
    bool sawTotal = false;
    for (auto field : *obj) {
        auto k = reader.key(field, path);
        if (!k) {
            return std::unexpected(k.error());
        }
        const JsonPath here = path.key(*k);
        auto val = reader.value(field, here);
        if (!val) {
            return std::unexpected(val.error());
        }
        Result<void> ok;
        if (*k == "total") {
            auto n = reader.count(*val, here);
            ok = n ? Result<void>{} : std::unexpected(n.error());
            meta.total = n.value_or(0);
            sawTotal = true;
        } else if (*k == "num_after_truncation") {
            auto n = reader.count(*val, here);
            ok = n ? Result<void>{} : std::unexpected(n.error());
            meta.numAfterTruncation = n.value_or(0);
        } else if (*k == "num_filtered") {
            auto n = reader.countOrNull(*val, here);
            ok = n ? Result<void>{} : std::unexpected(n.error());
            meta.numFiltered = n ? n->value_or(0) : 0;
        } else if (*k == "partial_failure_warning") {
            auto s = reader.stringOrNull(*val, here);
            ok = s ? Result<void>{} : std::unexpected(s.error());
            meta.partialFailureWarning = s.value_or(QString());
        } else if (*k == "warnings") {
            auto w = readWarnings(*val, here, reader);
            ok = w ? Result<void>{} : std::unexpected(w.error());
            meta.warnings = w.value_or(QStringList());
        } else if (*k == "result") {
            ok = onResult(*val, here);
            sawResult = true;
        }
        if (!ok) {
            return std::unexpected(ok.error());
        }
    }
    if (!sawResult) {
        return std::unexpected(reader.malformed(path.key("result"), Text::tr("present")));
    }
    if (!sawTotal) {
        return std::unexpected(reader.malformed(path.key("total"), Text::tr("present")));
    }
    return meta;
}

} // namespace

Result<void> readDashboardEnvelope(od::document& doc, const FieldReader& reader,
                                   const ValueHandler& onData)
{
    auto root = rootObject(doc, reader);
    if (!root) {
        return std::unexpected(root.error());
    }
    const JsonPath top;
    std::optional<bool> result;
    QString msg;
    bool sawData = false;
    for (auto field : *root) {
        auto k = reader.key(field, top);
        if (!k) {
            return std::unexpected(k.error());
        }
        const JsonPath here = top.key(*k);
        auto val = reader.value(field, here);
        if (!val) {
            return std::unexpected(val.error());
        }
        if (*k == "result") {
            auto b = reader.boolean(*val, here);
            if (!b) {
                return std::unexpected(b.error());
            }
            result = *b;
        } else if (*k == "msg") {
            auto s = reader.stringOrNull(*val, here);
            if (!s) {
                return std::unexpected(s.error());
            }
            msg = *s;
        } else if (*k == "data" && result.value_or(true)) {
            if (auto ok = onData(*val, here); !ok) {
                return ok;
            }
            sawData = true;
        }
    }
    if (!result) {
        return std::unexpected(reader.malformed(top.key("result"), Text::tr("true or false")));
    }
    if (!*result) {
        return std::unexpected(ClusterErrors::rayReportedFailure(reader.endpoint(), msg));
    }
    if (!sawData) {
        return std::unexpected(reader.malformed(top.key("data"), Text::tr("present")));
    }
    return expectEnd(doc, reader);
}

Result<StateListMeta> readStateEnvelope(od::document& doc, const FieldReader& reader,
                                        const ValueHandler& onResult)
{
    StateListMeta meta;
    auto ok = readDashboardEnvelope(doc, reader, [&](od::value& data, const JsonPath& path) {
        auto obj = reader.object(data, path);
        if (!obj) {
            return Result<void>(std::unexpected(obj.error()));
        }
        bool sawResult = false;
        for (auto field : *obj) {
            auto k = reader.key(field, path);
            if (!k) {
                return Result<void>(std::unexpected(k.error()));
            }
            if (*k != "result") {
                continue;
            }
            const JsonPath here = path.key(*k);
            auto val = reader.value(field, here);
            if (!val) {
                return Result<void>(std::unexpected(val.error()));
            }
            auto m = readStateResult(*val, here, reader, onResult);
            if (!m) {
                return Result<void>(std::unexpected(m.error()));
            }
            meta = *m;
            sawResult = true;
        }
        if (!sawResult) {
            return Result<void>(
                std::unexpected(reader.malformed(path.key("result"), Text::tr("present"))));
        }
        return Result<void>();
    });
    if (!ok) {
        return std::unexpected(ok.error());
    }
    return meta;
}

Result<std::size_t> forEachRow(od::value& rows, const JsonPath& path, const FieldReader& reader,
                               const RowHandler& onRow)
{
    auto arr = reader.array(rows, path);
    if (!arr) {
        return std::unexpected(arr.error());
    }
    std::size_t i = 0;
    for (auto item : *arr) {
        const JsonPath here = path.index(i);
        od::value element;
        if (auto err = item.get(element)) {
            return std::unexpected(reader.fromSimdjson(err, here, Text::tr("an object")));
        }
        auto row = reader.object(element, here);
        if (!row) {
            return std::unexpected(row.error());
        }
        if (auto ok = onRow(*row, here); !ok) {
            return std::unexpected(ok.error());
        }
        ++i;
    }
    return i;
}

Result<StateListMeta> parseStateList(const QByteArray& body, const QString& endpoint,
                                     const RowHandler& onRow)
{
    const FieldReader reader(endpoint);
    const PaddedBody padded(body);
    od::parser parser;
    od::document doc;
    if (auto err = parser.iterate(padded.view()).get(doc)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("JSON")));
    }
    return readStateEnvelope(doc, reader, [&](od::value& rows, const JsonPath& path) {
        auto n = forEachRow(rows, path, reader, onRow);
        return n ? Result<void>() : Result<void>(std::unexpected(n.error()));
    });
}

} // namespace raysec::json
