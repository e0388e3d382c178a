#include "sim/JobsApi.h"

#include "sim/JobSubmitValidator.h"
#include "sim/PythonTraceback.h"
#include "sim/StateRows.h"

#include <variant>

namespace raysec::sim {

namespace {

constexpr qsizetype kMaxBody = 1024 * 1024; // aiohttp's default client_max_size

HttpReply noSuchJob(const QString& id)
{
    return HttpReply::text("Job " + id.toUtf8() + " does not exist", 404);
}

} // namespace

JobsApi::JobsApi(ClusterModel& model)
    : m_model(model)
{
}

std::optional<HttpReply> JobsApi::handle(const ApiRequest& request)
{
    static const QLatin1String prefix("/api/jobs/");
    if (!request.path.startsWith(prefix)) {
        return std::nullopt;
    }
    const QStringList parts = request.path.mid(prefix.size()).split(QLatin1Char('/'));
    if (parts.size() == 1 && parts[0].isEmpty()) {
        if (request.isGet()) {
            return list();
        }
        return request.isPost() ? submit(request) : HttpReply::methodNotAllowed();
    }
    if (parts.size() == 3 && parts[1] == QLatin1String("logs") &&
        parts[2] == QLatin1String("tail") && !parts[0].isEmpty()) {
        return tail(request, parts[0]);
    }
    if (parts.size() > 2 || parts[0].isEmpty()) {
        return std::nullopt;
    }
    return onJob(request, parts[0], parts.size() == 2 ? parts[1] : QString());
}

HttpReply JobsApi::list() const
{
    nlohmann::json jobs = nlohmann::json::array();
    for (const SimJob& job : m_model.jobs()) {
        jobs.push_back(StateRows::job(job));
    }
    return HttpReply::json(jobs);
}

HttpReply JobsApi::submit(const ApiRequest& request)
{
    if (request.body.size() > kMaxBody) {
        return HttpReply::text("413: Request Entity Too Large", 413);
    }
    std::variant<SimJob, JobSubmitValidator::Rejection> checked =
        JobSubmitValidator::validate(request.body);
    if (auto* rejection = std::get_if<JobSubmitValidator::Rejection>(&checked)) {
        return HttpReply::text(PythonTraceback::format("job/job_head.py", "submit_job",
                                                       "submit_request = JobSubmitRequest("
                                                       "**json_data)",
                                                       rejection->exceptionLine),
                               400);
    }
    SimJob& job = std::get<SimJob>(checked);
    if (job.submissionId && m_model.findJob(*job.submissionId)) {
        return HttpReply::text(
            PythonTraceback::format("job/job_head.py", "submit_job",
                                    "job_id = await self._job_manager.submit_job(",
                                    "ValueError: Job with submission_id " +
                                        QByteArray::fromStdString(*job.submissionId) +
                                        " already exists. Please use a different "
                                        "submission_id."),
            400);
    }
    const SimJob& created = m_model.submit(std::move(job), request.nowMs);
    // Ray answers with the submission id in both fields for submitted jobs.
    return HttpReply::json(
        {{"job_id", *created.submissionId}, {"submission_id", *created.submissionId}});
}

HttpReply JobsApi::onJob(const ApiRequest& request, const QString& id, const QString& action)
{
    SimJob* job = m_model.findJob(id.toStdString());
    const bool stop = action == QLatin1String("stop");
    const bool logs = action == QLatin1String("logs");
    if (!action.isEmpty() && !stop && !logs) {
        return HttpReply::notFound();
    }
    const bool allowed =
        stop ? request.isPost()
             : (action.isEmpty() ? request.isGet() || request.isDelete() : request.isGet());
    if (!allowed) {
        return HttpReply::methodNotAllowed();
    }
    if (!job) {
        return noSuchJob(id);
    }
    if (stop) {
        return HttpReply::json({{"stopped", m_model.stop(*job, request.nowMs)}});
    }
    if (logs) {
        return HttpReply::json({{"logs", job->logs}});
    }
    if (request.isGet()) {
        return HttpReply::json(StateRows::job(*job));
    }
    if (!job->isTerminal()) {
        return HttpReply::text("Attempted to delete job with submission_id " + id.toUtf8() +
                                   ", but it is in a non-terminal state " +
                                   QByteArray::fromStdString(job->status) + ".",
                               400);
    }
    return HttpReply::json({{"deleted", m_model.remove(id.toStdString())}});
}

HttpReply JobsApi::tail(const ApiRequest& request, const QString& id)
{
    if (!request.isGet()) {
        return HttpReply::methodNotAllowed();
    }
    const SimJob* job = m_model.findJob(id.toStdString());
    if (!job) {
        return noSuchJob(id);
    }
    if (job->type != "SUBMISSION") {
        return HttpReply::text("Can only get logs of submission type jobs", 400);
    }
    if (!request.webSocketUpgrade) {
        // What aiohttp's WebSocketResponse raises for a plain request (unconfirmed whether
        // Ray turns it into a 500 with a traceback instead).
        return HttpReply::text("No WebSocket UPGRADE hdr: None\n Can \"Upgrade\" only to "
                               "\"WebSocket\".",
                               400);
    }
    return HttpReply::text({}, 101);
}

} // namespace raysec::sim
