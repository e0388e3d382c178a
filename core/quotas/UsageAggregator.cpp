#include "core/quotas/UsageAggregator.h"

#include "core/quotas/TeamMapper.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageAggregator)
};

QString jobKey(const QString& jobId, const QString& submissionId)
{
    return jobId.isEmpty() ? QStringLiteral("submission:") + submissionId : jobId;
}

class Builder
{
public:
    Builder(const UsageInput& input, const QuotaConfig& config, const QDateTime& now)
        : m_input(input)
        , m_mapper(config)
        , m_now(now)
    {
    }

    UsageReport build();

private:
    void addJobs();
    void addPlacementGroups();
    void addTasks();
    void addActors();
    void sumSubjects();
    void addNotes();
    JobUsage& jobFor(const QString& jobId);

    const UsageInput& m_input;
    TeamMapper m_mapper;
    QDateTime m_now;
    UsageReport m_report;
    QSet<QString> m_countedGroups;
};

JobUsage& Builder::jobFor(const QString& jobId)
{
    auto it = m_report.jobs.find(jobId);
    if (it == m_report.jobs.end()) {
        // Work of a job the listing does not know (a driver started outside the Jobs API).
        JobUsage usage;
        usage.jobId = jobId;
        usage.team = TeamMapper::unassigned();
        usage.active = true;
        it = m_report.jobs.insert(jobId, usage);
    }
    return it.value();
}

void Builder::addJobs()
{
    const QDateTime hourAgo = m_now.addSecs(-3600);
    for (const JobRow& job : m_input.jobs) {
        const auto assignment = m_mapper.assign(job);
        JobUsage usage;
        usage.jobId = job.jobId;
        usage.submissionId = job.submissionId;
        usage.entrypoint = job.entrypoint;
        usage.status = job.status;
        usage.team = assignment.team;
        usage.keyId = assignment.keyId;
        usage.active = job.isActive();
        if (job.status == QLatin1String("RUNNING")) {
            usage.used.add(job.entrypointReservation);
        }
        m_report.jobs.insert(jobKey(job.jobId, job.submissionId), usage);

        const bool recent = job.startTime && *job.startTime >= hourAgo;
        for (SubjectUsage* s :
             {&m_report.teams[assignment.team],
              assignment.keyId.isEmpty() ? nullptr : &m_report.keys[assignment.keyId]}) {
            if (s != nullptr) {
                s->activeJobs += usage.active ? 1 : 0;
                s->submissionsLastHour += recent ? 1 : 0;
            }
        }
    }
}

void Builder::addPlacementGroups()
{
    for (const PlacementGroupRow& group : m_input.placementGroups.rows) {
        if (group.state != QLatin1String("CREATED") || group.creatorJobId.isEmpty()) {
            continue;
        }
        JobUsage& job = jobFor(group.creatorJobId);
        for (const ResourceSet& bundle : group.bundles) {
            job.used.add(bundle);
        }
        ++job.placementGroups;
        m_countedGroups.insert(group.placementGroupId);
    }
}

void Builder::addTasks()
{
    const ResourceSet fallback = UsageAggregator::defaultTaskResources();
    for (const TaskRow& task : m_input.tasks.rows) {
        if (task.state != QLatin1String("RUNNING") || task.kind != TaskKind::Normal ||
            task.jobId.isEmpty()) {
            continue;
        }
        JobUsage& job = jobFor(task.jobId);
        ++job.runningTasks;
        if (!task.placementGroupId.isEmpty() && m_countedGroups.contains(task.placementGroupId)) {
            continue;
        }
        job.used.add(task.required ? *task.required : fallback);
    }
}

void Builder::addActors()
{
    for (const ActorRow& actor : m_input.actors.rows) {
        if (actor.state != QLatin1String("ALIVE") || actor.jobId.isEmpty()) {
            continue;
        }
        JobUsage& job = jobFor(actor.jobId);
        ++job.aliveActors;
        const bool inGroup =
            !actor.placementGroupId.isEmpty() && m_countedGroups.contains(actor.placementGroupId);
        if (!inGroup && actor.required) {
            job.used.add(*actor.required);
        }
    }
}

void Builder::sumSubjects()
{
    for (auto it = m_report.jobs.cbegin(); it != m_report.jobs.cend(); ++it) {
        const JobUsage& job = it.value();
        m_report.clusterUsed.add(job.used);
        const bool holds = !job.used.isEmpty() || job.runningTasks > 0 || job.aliveActors > 0;
        if (!job.active && !holds) {
            continue;
        }
        SubjectUsage& team = m_report.teams[job.team];
        team.used.add(job.used);
        team.jobKeys.append(it.key());
        if (!job.keyId.isEmpty()) {
            m_report.keys[job.keyId].used.add(job.used);
            m_report.keys[job.keyId].jobKeys.append(it.key());
        }
    }
    for (auto it = m_report.teams.begin(); it != m_report.teams.end(); ++it) {
        it->name = it.key();
    }
    for (auto it = m_report.keys.begin(); it != m_report.keys.end(); ++it) {
        it->name = it.key();
    }
}

void Builder::addNotes()
{
    auto note = [this](const auto& list, const QString& what) {
        if (list.truncated()) {
            m_report.truncated = true;
            m_report.notes.append(
                Text::tr("The %1 list was truncated: Ray holds %2 and sent %3, so "
                         "usage is a lower bound.")
                    .arg(what)
                    .arg(list.total)
                    .arg(list.numAfterTruncation));
        }
    };
    note(m_input.tasks, Text::tr("task"));
    note(m_input.actors, Text::tr("actor"));
    note(m_input.placementGroups, Text::tr("placement group"));
    m_report.notes.append(m_input.fetchNotes);
}

UsageReport Builder::build()
{
    m_report.at = m_now;
    addJobs();
    addPlacementGroups();
    addTasks();
    addActors();
    sumSubjects();
    addNotes();
    if (m_input.nodes) {
        ResourceSet capacity;
        for (const NodeRow& node : *m_input.nodes) {
            if (node.state == QLatin1String("ALIVE")) {
                capacity.add(node.total);
            }
        }
        m_report.clusterCapacity = capacity;
    }
    return std::move(m_report);
}

} // namespace

ResourceSet UsageAggregator::defaultTaskResources()
{
    ResourceSet set;
    set.cpu = 1;
    return set;
}

UsageReport UsageAggregator::aggregate(std::shared_ptr<const UsageInput> input,
                                       const QuotaConfig& config, const QDateTime& now)
{
    UsageReport report = Builder(*input, config, now).build();
    report.input = std::move(input);
    return report;
}

} // namespace raysec
