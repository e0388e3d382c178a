#include "sim/JobSubmitValidator.h"

#include "sim/PythonTraceback.h"

#include <array>
#include <string_view>

namespace raysec::sim {

namespace {

constexpr std::array<std::string_view, 9> kFields = {
    "entrypoint",        "submission_id",        "runtime_env",
    "metadata",          "entrypoint_num_cpus",  "entrypoint_num_gpus",
    "entrypoint_memory", "entrypoint_resources", "job_id"};

QByteArray got(const nlohmann::json& value)
{
    if (value.is_number_float()) {
        return "<class 'float'>";
    }
    return PythonTraceback::typeName(value.type_name());
}

JobSubmitValidator::Rejection reject(const QByteArray& line)
{
    return {line};
}

} // namespace

std::variant<SimJob, JobSubmitValidator::Rejection>
JobSubmitValidator::validate(const QByteArray& body)
{
    const nlohmann::json parsed =
        nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (parsed.is_discarded()) {
        return reject("json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)");
    }
    if (!parsed.is_object()) {
        return reject("TypeError: ray.dashboard.modules.job.common.JobSubmitRequest() argument "
                      "after ** must be a mapping, not " +
                      got(parsed).mid(8).chopped(2));
    }
    if (std::optional<Rejection> rejected = checkFields(parsed)) {
        return *rejected;
    }

    SimJob job;
    job.entrypoint = parsed["entrypoint"].get<std::string>();
    if (parsed.contains("submission_id") && parsed["submission_id"].is_string()) {
        job.submissionId = parsed["submission_id"].get<std::string>();
    } else if (parsed.contains("job_id") && parsed["job_id"].is_string()) {
        job.submissionId = parsed["job_id"].get<std::string>();
    }
    if (parsed.contains("runtime_env") && parsed["runtime_env"].is_object()) {
        job.runtimeEnv = parsed["runtime_env"];
    }
    if (parsed.contains("metadata") && parsed["metadata"].is_object()) {
        job.metadata = parsed["metadata"].get<std::map<std::string, std::string>>();
    }
    if (std::optional<Rejection> rejected = checkResources(parsed, job)) {
        return *rejected;
    }
    return job;
}

std::optional<JobSubmitValidator::Rejection>
JobSubmitValidator::checkFields(const nlohmann::json& body)
{
    for (const auto& [key, value] : body.items()) {
        if (std::find(kFields.begin(), kFields.end(), key) == kFields.end()) {
            return reject("TypeError: JobSubmitRequest.__init__() got an unexpected keyword "
                          "argument '" +
                          QByteArray::fromStdString(key) + "'");
        }
    }
    if (!body.contains("entrypoint")) {
        return reject("TypeError: JobSubmitRequest.__init__() missing 1 required positional "
                      "argument: 'entrypoint'");
    }
    if (!body["entrypoint"].is_string()) {
        return reject("TypeError: entrypoint must be a string, got " + got(body["entrypoint"]));
    }
    if (body["entrypoint"].get<std::string>().empty()) {
        return reject("ValueError: entrypoint must be a non-empty string");
    }
    for (const char* field : {"submission_id", "job_id"}) {
        if (body.contains(field) && !body[field].is_string() && !body[field].is_null()) {
            return reject(QByteArray("TypeError: ") + field +
                          " must be a string if provided, got " + got(body[field]));
        }
    }
    if (body.contains("runtime_env") && !body["runtime_env"].is_object() &&
        !body["runtime_env"].is_null()) {
        return reject("TypeError: runtime_env must be a dict, got " + got(body["runtime_env"]));
    }
    return checkStringMap(body, "metadata");
}

std::optional<JobSubmitValidator::Rejection>
JobSubmitValidator::checkStringMap(const nlohmann::json& body, const char* field)
{
    if (!body.contains(field) || body[field].is_null()) {
        return std::nullopt;
    }
    if (!body[field].is_object()) {
        return reject(QByteArray("TypeError: ") + field + " must be a dict, got " +
                      got(body[field]));
    }
    for (const auto& [key, value] : body[field].items()) {
        if (!value.is_string()) {
            return reject(QByteArray("TypeError: ") + field + " values must be strings, got " +
                          got(value));
        }
    }
    return std::nullopt;
}

std::optional<JobSubmitValidator::Rejection>
JobSubmitValidator::checkResources(const nlohmann::json& body, SimJob& job)
{
    const std::pair<const char*, double*> numbers[] = {
        {"entrypoint_num_cpus", &job.entrypointNumCpus},
        {"entrypoint_num_gpus", &job.entrypointNumGpus},
        {"entrypoint_memory", &job.entrypointMemory}};
    for (const auto& [field, target] : numbers) {
        if (!body.contains(field) || body[field].is_null()) {
            continue;
        }
        const nlohmann::json& value = body[field];
        const bool memory = std::string_view(field) == "entrypoint_memory";
        if (!value.is_number() || (memory && !value.is_number_integer())) {
            return reject(QByteArray("TypeError: ") + field + " must be " +
                          (memory ? "an integer" : "a number") + ", got " + got(value));
        }
        if (value.get<double>() < 0) {
            return reject(QByteArray("ValueError: ") + field + " must be non-negative, got " +
                          QByteArray::fromStdString(value.dump()));
        }
        *target = value.get<double>();
    }
    if (!body.contains("entrypoint_resources") || body["entrypoint_resources"].is_null()) {
        return std::nullopt;
    }
    const nlohmann::json& resources = body["entrypoint_resources"];
    if (!resources.is_object()) {
        return reject("TypeError: entrypoint_resources must be a dict, got " + got(resources));
    }
    for (const auto& [key, value] : resources.items()) {
        if (!value.is_number() || value.get<double>() < 0) {
            return reject("TypeError: entrypoint_resources values must be non-negative numbers, "
                          "got " +
                          got(value));
        }
        job.entrypointResources[key] = value.get<double>();
    }
    return std::nullopt;
}

} // namespace raysec::sim
