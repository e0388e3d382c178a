#include "core/quotas/JsonReading.h"
#include "core/quotas/StateListParser.h"

#include <QCoreApplication>

namespace raysec {

using namespace json;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageParser)
};

void readReservation(std::string_view key, od::value v, JobRow& row)
{
    // Whether the job listing carries these is unconfirmed; when absent the job reserves
    // nothing beyond its tasks and actors.
    if (key == "entrypoint_num_cpus") {
        row.entrypointReservation.cpu = optionalNumber(v, "entrypoint_num_cpus").value_or(0);
    } else if (key == "entrypoint_num_gpus") {
        row.entrypointReservation.gpu = optionalNumber(v, "entrypoint_num_gpus").value_or(0);
    } else if (key == "entrypoint_memory") {
        row.entrypointReservation.memory = optionalNumber(v, "entrypoint_memory").value_or(0);
    } else {
        ResourceSet custom = resources(v, "entrypoint_resources");
        for (auto it = custom.custom.cbegin(); it != custom.custom.cend(); ++it) {
            row.entrypointReservation.custom.insert(it.key(), it.value());
        }
        row.entrypointReservation.cpu += custom.cpu;
        row.entrypointReservation.gpu += custom.gpu;
    }
    row.hasReservationFields = true;
}

void readJob(od::object object, JobRow& row)
{
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "job");
        od::value v;
        check(field.value().get(v), "job");
        if (key == "type") {
            row.type = optionalString(v, "type");
        } else if (key == "job_id") {
            row.jobId = optionalString(v, "job_id");
        } else if (key == "submission_id") {
            row.submissionId = optionalString(v, "submission_id");
        } else if (key == "status") {
            row.status = optionalString(v, "status");
        } else if (key == "entrypoint") {
            row.entrypoint = optionalString(v, "entrypoint");
        } else if (key == "start_time") {
            row.startTime = optionalTime(v, "start_time");
        } else if (key == "metadata") {
            row.metadata = stringMap(v, "metadata");
        } else if (key.starts_with("entrypoint_num_") || key == "entrypoint_memory" ||
                   key == "entrypoint_resources") {
            readReservation(key, v, row);
        }
    }
}

void readNode(od::object object, NodeRow& row)
{
    for (auto field : object) {
        std::string_view key;
        check(field.unescaped_key().get(key), "node");
        od::value v;
        check(field.value().get(v), "node");
        if (key == "node_id") {
            row.nodeId = optionalString(v, "node_id");
        } else if (key == "state") {
            row.state = optionalString(v, "state");
        } else if (key == "resources_total") {
            row.total = resources(v, "resources_total");
        }
    }
}

// Walks to the rows: the document itself for the Jobs API, data.result.result for the state
// API's node list.
template <typename Row, typename ReadRow>
void readArray(od::value value, const char* field, QList<Row>& rows, ReadRow readRow)
{
    od::array array;
    check(value.get_array().get(array), field);
    for (auto item : array) {
        od::object object;
        check(item.get_object().get(object), field);
        Row row;
        readRow(object, row);
        rows.append(std::move(row));
    }
}

void readNodeEnvelope(od::object top, QList<NodeRow>& rows)
{
    bool found = false;
    for (auto field : top) {
        std::string_view key;
        check(field.unescaped_key().get(key), "document");
        if (key != "data") {
            continue;
        }
        od::object data;
        check(field.value().get_object().get(data), "data");
        od::object inner;
        check(data.find_field_unordered("result").get_object().get(inner), "data.result");
        od::value list;
        check(inner.find_field_unordered("result").get(list), "data.result.result");
        readArray(list, "data.result.result", rows, readNode);
        found = true;
    }
    if (!found) {
        throw JsonReadError{"data", "the node list is missing"};
    }
}

} // namespace

Result<QList<JobRow>> JobListParser::parseJobs(QByteArrayView bytes)
{
    const QString what = Text::tr("job list");
    auto buffer = padded(bytes, what);
    if (!buffer) {
        return std::unexpected(buffer.error());
    }
    QList<JobRow> rows;
    try {
        od::parser parser;
        od::document doc;
        check(parser.iterate(*buffer).get(doc), "document");
        od::value root;
        check(doc.get_value().get(root), "document");
        readArray(root, "document", rows, readJob);
    } catch (const JsonReadError& e) {
        return std::unexpected(malformed(what, e.field, e.detail));
    }
    return rows;
}

Result<QList<NodeRow>> JobListParser::parseNodes(QByteArrayView bytes)
{
    const QString what = Text::tr("node list");
    auto buffer = padded(bytes, what);
    if (!buffer) {
        return std::unexpected(buffer.error());
    }
    QList<NodeRow> rows;
    try {
        od::parser parser;
        od::document doc;
        check(parser.iterate(*buffer).get(doc), "document");
        od::object top;
        check(doc.get_object().get(top), "document");
        readNodeEnvelope(top, rows);
    } catch (const JsonReadError& e) {
        return std::unexpected(malformed(what, e.field, e.detail));
    }
    return rows;
}

} // namespace raysec
