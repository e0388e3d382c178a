#include "sim/ClusterModel.h"

#include <algorithm>

namespace raysec::sim {

ClusterModel::ClusterModel(std::uint64_t seed)
    : m_ids(seed)
{
}

void ClusterModel::tick(std::int64_t nowMs)
{
    for (SimJob& job : m_jobs) {
        if (!job.isTerminal() && --job.ticksLeft <= 0) {
            advanceJob(job, nowMs);
        }
    }
    if (m_spawnsJobs && !m_nodes.empty() && m_ids.unit() < 0.3) {
        SimJob job;
        job.entrypoint = "python train.py --epochs " + std::to_string(m_ids.between(1, 50));
        job.metadata["team"] = m_ids.unit() < 0.5 ? "vision" : "nlp";
        submit(std::move(job), nowMs);
    }
    moveTasks(nowMs);
    moveObjectStore();
}

const SimJob& ClusterModel::submit(SimJob job, std::int64_t nowMs)
{
    if (!job.submissionId) {
        job.submissionId = m_ids.submissionId();
    }
    job.type = "SUBMISSION";
    job.status = "PENDING";
    job.message = "Job has not started yet. It may be waiting for resources.";
    job.startTime = nowMs;
    job.ticksLeft = m_ids.between(1, 2);
    job.willFail = m_ids.unit() < 0.25;
    job.logs.clear();
    m_jobs.push_back(std::move(job));
    return m_jobs.back();
}

SimJob* ClusterModel::findJob(const std::string& id)
{
    auto match = std::find_if(m_jobs.begin(), m_jobs.end(),
                              [&](const SimJob& job) { return job.submissionId == id; });
    if (match == m_jobs.end()) {
        match = std::find_if(m_jobs.begin(), m_jobs.end(), [&](const SimJob& job) {
            return !job.jobId.empty() && job.jobId == id;
        });
    }
    return match == m_jobs.end() ? nullptr : &*match;
}

bool ClusterModel::stop(SimJob& job, std::int64_t nowMs)
{
    if (job.isTerminal()) {
        return false;
    }
    job.status = "STOPPED";
    job.message = "Job was intentionally stopped.";
    job.endTime = nowMs;
    job.logs += "Received SIGTERM, stopping.\n";
    return true;
}

bool ClusterModel::remove(const std::string& id)
{
    SimJob* job = findJob(id);
    if (!job || !job->isTerminal()) {
        return false;
    }
    m_jobs.erase(m_jobs.begin() + (job - m_jobs.data()));
    return true;
}

void ClusterModel::advanceJob(SimJob& job, std::int64_t nowMs)
{
    if (job.status == "PENDING") {
        startJob(job, nowMs);
        return;
    }
    job.endTime = nowMs;
    if (job.willFail) {
        job.status = "FAILED";
        job.errorType = "JOB_ENTRYPOINT_COMMAND_ERROR";
        job.driverExitCode = 1;
        job.message = "Job entrypoint command failed with exit code 1, last available logs "
                      "(truncated to 20,000 chars):\nRuntimeError: loss became NaN";
        job.logs += "Traceback (most recent call last):\nRuntimeError: loss became NaN\n";
    } else {
        job.status = "SUCCEEDED";
        job.driverExitCode = 0;
        job.message = "Job finished successfully.";
        job.logs += "Training finished.\n";
    }
}

void ClusterModel::startJob(SimJob& job, std::int64_t nowMs)
{
    const SimNode& node = headNode();
    job.status = "RUNNING";
    job.message = "Job is currently running.";
    if (job.jobId.empty()) {
        job.jobId = SimIds::jobId(takeJobNumber());
    }
    job.driverNodeId = node.nodeId;
    job.driverIp = node.nodeIp;
    job.driverPid = m_ids.between(1000, 60000);
    job.ticksLeft = m_ids.between(2, 6);
    job.startTime = std::min(job.startTime, nowMs);
    job.logs += "Starting " + job.entrypoint + "\n";
}

void ClusterModel::moveTasks(std::int64_t nowMs)
{
    if (m_tasks.empty()) {
        return;
    }
    const int changes = std::max(1, int(m_tasks.size() / 20));
    for (int i = 0; i < changes; ++i) {
        SimTask& task = m_tasks[std::size_t(m_ids.between(0, int(m_tasks.size()) - 1))];
        if (task.state == "RUNNING") {
            task.state = "FINISHED";
            task.endTimeMs = nowMs;
        } else if (task.state != "FAILED") {
            task.state = "RUNNING";
            task.startTimeMs = nowMs;
            task.endTimeMs = 0;
        }
    }
}

void ClusterModel::moveObjectStore()
{
    for (SimNode& node : m_nodes) {
        const double total = node.total["object_store_memory"];
        const double step = total * (m_ids.unit() - 0.5) * 0.1;
        node.objectStoreUsed = std::clamp(node.objectStoreUsed + step, 0.0, total);
    }
}

} // namespace raysec::sim
