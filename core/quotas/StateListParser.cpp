#include "core/quotas/StateListParser.h"

#include "core/quotas/JsonReading.h"

#include <QCoreApplication>

namespace raysec {

using namespace json;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageParser)
};

od::parser& threadParser()
{
    // One parser per thread keeps its buffers between answers.
    thread_local od::parser parser;
    return parser;
}

TaskKind taskKind(std::string_view type)
{
    if (type == "NORMAL_TASK") {
        return TaskKind::Normal;
    }
    if (type == "ACTOR_CREATION_TASK") {
        return TaskKind::ActorCreation;
    }
    if (type == "ACTOR_TASK") {
        return TaskKind::ActorTask;
    }
    return type == "DRIVER_TASK" ? TaskKind::Driver : TaskKind::Other;
}

void readTask(od::object object, TaskRow& row)
{
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "task");
        od::value v;
        check(field.value().get(v), "task");
        if (key == "task_id") {
            row.taskId = optionalString(v, "task_id");
        } else if (key == "name") {
            row.name = sharedString(v, "name");
        } else if (key == "state") {
            row.state = sharedString(v, "state");
        } else if (key == "job_id") {
            row.jobId = sharedString(v, "job_id");
        } else if (key == "type") {
            row.kind = isNull(v) ? TaskKind::Other : taskKind(stringView(v, "type"));
        } else if (key == "placement_group_id") {
            row.placementGroupId = sharedString(v, "placement_group_id");
        } else if (key == "required_resources") {
            row.required = resources(v, "required_resources");
        }
    }
}

void readActor(od::object object, ActorRow& row)
{
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "actor");
        od::value v;
        check(field.value().get(v), "actor");
        if (key == "actor_id") {
            row.actorId = optionalString(v, "actor_id");
        } else if (key == "class_name") {
            row.className = sharedString(v, "class_name");
        } else if (key == "state") {
            row.state = sharedString(v, "state");
        } else if (key == "job_id") {
            row.jobId = sharedString(v, "job_id");
        } else if (key == "placement_group_id") {
            row.placementGroupId = sharedString(v, "placement_group_id");
        } else if (key == "required_resources") {
            row.required = resources(v, "required_resources");
        }
    }
}

// A bundle is {"bundle_id": ..., "node_id": ..., "unit_resources": {...}}.
ResourceSet readBundle(od::value value)
{
    od::object object;
    check(value.get_object().get(object), "bundles");
    ResourceSet set;
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "bundles");
        if (key == "unit_resources") {
            od::value v;
            check(field.value().get(v), "unit_resources");
            set = resources(v, "unit_resources");
        }
    }
    return set;
}

void readPlacementGroup(od::object object, PlacementGroupRow& row)
{
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "placement group");
        od::value v;
        check(field.value().get(v), "placement group");
        if (key == "placement_group_id") {
            row.placementGroupId = sharedString(v, "placement_group_id");
        } else if (key == "name") {
            row.name = sharedString(v, "name");
        } else if (key == "creator_job_id") {
            row.creatorJobId = sharedString(v, "creator_job_id");
        } else if (key == "state") {
            row.state = sharedString(v, "state");
        } else if (key == "bundles" && !isNull(v)) {
            od::array bundles;
            check(v.get_array().get(bundles), "bundles");
            for (auto bundle : bundles) {
                od::value element;
                check(bundle.get(element), "bundles");
                row.bundles.append(readBundle(element));
            }
        }
    }
}

template <typename Row, typename ReadRow>
void readRows(od::value value, StateList<Row>& list, ReadRow readRow)
{
    od::array array;
    check(value.get_array().get(array), "data.result.result");
    for (auto item : array) {
        od::object object;
        check(item.get_object().get(object), "data.result.result[]");
        Row row;
        readRow(object, row);
        list.rows.append(std::move(row));
    }
}

template <typename Row, typename ReadRow>
void readInner(od::value value, StateList<Row>& list, bool& sawRows, ReadRow readRow)
{
    od::object object;
    check(value.get_object().get(object), "data.result");
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "data.result");
        od::value v;
        check(field.value().get(v), "data.result");
        if (key == "total") {
            list.total = integer(v, "total");
        } else if (key == "num_after_truncation") {
            list.numAfterTruncation = integer(v, "num_after_truncation");
        } else if (key == "result") {
            readRows(v, list, readRow);
            sawRows = true;
        } else if (key == "partial_failure_warning" || key == "warnings") {
            appendStrings(v, "warnings", list.warnings);
        }
    }
}

template <typename Row, typename ReadRow>
void readData(od::value value, StateList<Row>& list, bool& sawRows, ReadRow readRow)
{
    od::object data;
    check(value.get_object().get(data), "data");
    for (auto inner : data) {
        std::string_view key;
        check(inner.unescaped_key().get(key), "data");
        od::value innerValue;
        check(inner.value().get(innerValue), "data");
        if (key == "result") {
            readInner(innerValue, list, sawRows, readRow);
        }
    }
}

template <typename Row, typename ReadRow>
Result<StateList<Row>> parseList(QByteArrayView bytes, const QString& what, ReadRow readRow)
{
    auto buffer = padded(bytes, what);
    if (!buffer) {
        return std::unexpected(buffer.error());
    }
    StateList<Row> list;
    bool ok = false;
    bool sawRows = false;
    std::string message;
    try {
        od::document doc;
        check(threadParser().iterate(*buffer).get(doc), "document");
        od::object top;
        check(doc.get_object().get(top), "document");
        for (auto field : top) {
            std::string_view key;
            check(field.unescaped_key().get(key), "document");
            od::value v;
            check(field.value().get(v), "document");
            if (key == "result") {
                ok = optionalBool(v, "result", false);
            } else if (key == "msg") {
                message = stringView(v, "msg");
            } else if (key == "data" && !isNull(v)) {
                readData(v, list, sawRows, readRow);
            }
        }
    } catch (const JsonReadError& e) {
        return std::unexpected(malformed(what, e.field, e.detail));
    }
    if (!ok) {
        return fail(
            QStringLiteral("quotas.ray-refused"),
            Text::tr("Ray answered the %1 request with an error: %2").arg(what, toQString(message)),
            Text::tr("Check the dashboard's logs; usage was left unchanged."));
    }
    if (!sawRows) {
        return std::unexpected(
            malformed(what, "data.result.result", "the list of rows is missing"));
    }
    if (list.numAfterTruncation == 0 && list.total == 0) {
        list.total = list.numAfterTruncation = list.rows.size();
    }
    return list;
}

} // namespace

Result<TaskList> StateListParser::parseTasks(QByteArrayView bytes)
{
    return parseList<TaskRow>(bytes, Text::tr("task list"), readTask);
}

Result<ActorList> StateListParser::parseActors(QByteArrayView bytes)
{
    return parseList<ActorRow>(bytes, Text::tr("actor list"), readActor);
}

Result<PlacementGroupList> StateListParser::parsePlacementGroups(QByteArrayView bytes)
{
    return parseList<PlacementGroupRow>(bytes, Text::tr("placement group list"),
                                        readPlacementGroup);
}

} // namespace raysec
