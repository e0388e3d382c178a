// /api/jobs/ and /api/jobs/{id}: plain JSON, snake_case; Ray may send null for any field.

#include "core/cluster/Envelopes.h"
#include "core/cluster/RayEndpoints.h"
#include "core/cluster/RayParsers.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace raysec::RayParsers {

using namespace raysec::json;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayParsers)
};

// 9999-12-31T23:59:59.999Z: later values are not timestamps.
constexpr qint64 maxTimestampMs = 253402300799999;

template <typename T>
Result<void> store(Result<T>&& value, T& target)
{
    if (!value) {
        return std::unexpected(value.error());
    }
    target = std::move(*value);
    return {};
}

Result<void> readTime(od::value& v, const JsonPath& path, const FieldReader& reader,
                      std::optional<QDateTime>& target)
{
    auto ms = reader.countOrNull(v, path, maxTimestampMs);
    if (!ms) {
        return std::unexpected(ms.error());
    }
    // Ray reports 0 for "not yet" in some versions.
    if (*ms && **ms > 0) {
        target = QDateTime::fromMSecsSinceEpoch(**ms, QTimeZone::utc());
    }
    return {};
}

Result<void> readJobField(std::string_view key, od::value& v, const JsonPath& path,
                          const FieldReader& reader, JobInfo& job)
{
    if (key == "type") {
        return store(reader.wordOrNull(v, path), job.type);
    }
    if (key == "job_id") {
        return store(reader.stringOrNull(v, path), job.jobId);
    }
    if (key == "submission_id") {
        return store(reader.stringOrNull(v, path), job.submissionId);
    }
    if (key == "status") {
        return store(reader.wordOrNull(v, path), job.status);
    }
    if (key == "entrypoint") {
        return store(reader.stringOrNull(v, path), job.entrypoint);
    }
    if (key == "message") {
        return store(reader.stringOrNull(v, path), job.message);
    }
    if (key == "error_type") {
        return store(reader.wordOrNull(v, path), job.errorType);
    }
    if (key == "start_time") {
        return readTime(v, path, reader, job.startTime);
    }
    if (key == "end_time") {
        return readTime(v, path, reader, job.endTime);
    }
    if (key == "metadata") {
        return store(reader.stringMap(v, path), job.metadata);
    }
    if (key == "driver_exit_code") {
        return store(reader.integerOrNull(v, path), job.driverExitCode);
    }
    return {};
}

Result<JobInfo> readJob(od::object& obj, const JsonPath& path, const FieldReader& reader)
{
    JobInfo job;
    for (auto field : obj) {
        auto k = reader.key(field, path);
        if (!k) {
            return std::unexpected(k.error());
        }
        const JsonPath here = path.key(*k);
        auto val = reader.value(field, here);
        if (!val) {
            return std::unexpected(val.error());
        }
        if (auto ok = readJobField(*k, *val, here, reader, job); !ok) {
            return std::unexpected(ok.error());
        }
    }
    if (job.jobId.isEmpty() && job.submissionId.isEmpty()) {
        return std::unexpected(
            reader.malformed(path.key("job_id"), Text::tr("a job id or a submission id")));
    }
    return job;
}

} // namespace

Result<QList<JobInfo>> parseJobs(const QByteArray& body)
{
    const FieldReader reader(QString::fromLatin1(RayEndpoints::jobs));
    const PaddedBody padded(body);
    od::parser parser;
    od::document doc;
    if (auto err = parser.iterate(padded.view()).get(doc)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("JSON")));
    }
    od::array arr;
    if (auto err = doc.get_array().get(arr)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("a list of jobs")));
    }

    QList<JobInfo> jobs;
    const JsonPath top;
    std::size_t i = 0;
    for (auto item : arr) {
        const JsonPath here = top.index(i++);
        od::value element;
        if (auto err = item.get(element)) {
            return std::unexpected(reader.fromSimdjson(err, here, Text::tr("a job")));
        }
        auto obj = reader.object(element, here);
        if (!obj) {
            return std::unexpected(obj.error());
        }
        auto job = readJob(*obj, here, reader);
        if (!job) {
            return std::unexpected(job.error());
        }
        jobs.append(std::move(*job));
    }
    if (auto ok = expectEnd(doc, reader); !ok) {
        return std::unexpected(ok.error());
    }
    return jobs;
}

Result<JobInfo> parseJob(const QByteArray& body)
{
    const FieldReader reader(QStringLiteral("/api/jobs/{id}"));
    const PaddedBody padded(body);
    od::parser parser;
    od::document doc;
    if (auto err = parser.iterate(padded.view()).get(doc)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("JSON")));
    }
    od::object obj;
    if (auto err = doc.get_object().get(obj)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("a job")));
    }
    auto job = readJob(obj, JsonPath(), reader);
    if (!job) {
        return job;
    }
    if (auto ok = expectEnd(doc, reader); !ok) {
        return std::unexpected(ok.error());
    }
    return job;
}

} // namespace raysec::RayParsers
