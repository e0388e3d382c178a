// /api/v0/tasks/summarize: a state API envelope whose result is
// {"node_id_to_summary": {"cluster": {"summary": {name: row}, "total_tasks": n, ...}}}.

#include "core/cluster/Envelopes.h"
#include "core/cluster/RayEndpoints.h"
#include "core/cluster/RayParsers.h"

#include <QCoreApplication>

namespace raysec::RayParsers {

using namespace raysec::json;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayParsers)
};

// Calls onField(key, value, path) for each member of an object.
template <typename OnField>
Result<void> forEachField(od::value& v, const JsonPath& path, const FieldReader& reader,
                          OnField&& onField)
{
    auto obj = reader.object(v, path);
    if (!obj) {
        return std::unexpected(obj.error());
    }
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
        if (auto ok = onField(*k, *val, here); !ok) {
            return ok;
        }
    }
    return {};
}

Result<TaskSummaryRow> readRow(od::value& v, const JsonPath& path, const FieldReader& reader)
{
    TaskSummaryRow row;
    auto ok = forEachField(
        v, path, reader,
        [&](std::string_view key, od::value& val, const JsonPath& here) -> Result<void> {
            if (key == "func_or_class_name") {
                auto s = reader.string(val, here);
                row.funcOrClassName = s.value_or(QString());
                return s ? Result<void>() : std::unexpected(s.error());
            }
            if (key == "type") {
                auto s = reader.wordOrNull(val, here);
                row.type = s.value_or(QString());
                return s ? Result<void>() : std::unexpected(s.error());
            }
            if (key == "state_counts") {
                return forEachField(
                    val, here, reader,
                    [&](std::string_view state, od::value& n, const JsonPath& at) -> Result<void> {
                        auto c = reader.count(n, at);
                        if (!c) {
                            return std::unexpected(c.error());
                        }
                        row.stateCounts.insert(vocabularyString(state), *c);
                        return {};
                    });
            }
            return {};
        });
    if (!ok) {
        return std::unexpected(ok.error());
    }
    return row;
}

Result<void> readClusterSummary(od::value& v, const JsonPath& path, const FieldReader& reader,
                                TaskSummary& summary)
{
    return forEachField(
        v, path, reader,
        [&](std::string_view key, od::value& val, const JsonPath& here) -> Result<void> {
            qint64* total = key == "total_tasks"             ? &summary.totalTasks
                            : key == "total_actor_tasks"     ? &summary.totalActorTasks
                            : key == "total_actor_scheduled" ? &summary.totalActorScheduled
                                                             : nullptr;
            if (total) {
                auto n = reader.count(val, here);
                *total = n.value_or(0);
                return n ? Result<void>() : std::unexpected(n.error());
            }
            if (key != "summary") {
                return {};
            }
            return forEachField(
                val, here, reader,
                [&](std::string_view, od::value& rowValue, const JsonPath& at) -> Result<void> {
                    auto row = readRow(rowValue, at, reader);
                    if (!row) {
                        return std::unexpected(row.error());
                    }
                    summary.rows.append(std::move(*row));
                    return {};
                });
        });
}

} // namespace

Result<TaskSummary> parseTaskSummary(const QByteArray& body)
{
    const FieldReader reader(QString::fromLatin1(RayEndpoints::taskSummary));
    const PaddedBody padded(body);
    od::parser parser;
    od::document doc;
    if (auto err = parser.iterate(padded.view()).get(doc)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("JSON")));
    }

    TaskSummary summary;
    bool sawCluster = false;
    auto meta = readStateEnvelope(doc, reader, [&](od::value& result, const JsonPath& path) {
        return forEachField(
            result, path, reader,
            [&](std::string_view key, od::value& byNode, const JsonPath& here) -> Result<void> {
                if (key != "node_id_to_summary") {
                    return {};
                }
                return forEachField(
                    byNode, here, reader,
                    [&](std::string_view node, od::value& val, const JsonPath& at) -> Result<void> {
                        if (node != "cluster") {
                            return {};
                        }
                        sawCluster = true;
                        return readClusterSummary(val, at, reader, summary);
                    });
            });
    });
    if (!meta) {
        return std::unexpected(meta.error());
    }
    if (!sawCluster) {
        return std::unexpected(reader.malformed(
            JsonPath().key("data.result.result.node_id_to_summary.cluster"), Text::tr("present")));
    }
    summary.meta = *meta;
    return summary;
}

} // namespace raysec::RayParsers
