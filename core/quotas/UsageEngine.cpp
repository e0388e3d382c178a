#include "core/quotas/UsageEngine.h"

#include "core/quotas/StateListParser.h"
#include "core/quotas/UsageAggregator.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace raysec {

Q_LOGGING_CATEGORY(lcQuotas, "raysec.core.quotas")

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageEngine)
};

constexpr int maxBackoffFactor = 16;
// Ray refuses state requests beyond 100 in flight; a split stays well below that.
constexpr int maxSplitJobs = 80;

const QString tasksName = QStringLiteral("tasks");
const QString actorsName = QStringLiteral("actors");

bool isBackoffStatus(const Error& error)
{
    return error.code == QLatin1String("http.429") || error.code == QLatin1String("http.503") ||
           error.code == QLatin1String("http.500");
}

struct Outcome
{
    Result<UsageReport> report;
    QStringList truncatedLists; // lists to split per job, when no split was tried yet
    QStringList jobIds;
};

// Replaces a truncated list with the union of its per-job pieces when none of them was cut.
template <typename List, typename Parse>
Result<void> mergeSplit(const QMap<QString, QByteArray>& bodies, const QString& name, List& list,
                        Parse parse, QStringList& notes)
{
    List merged;
    bool complete = true;
    for (auto it = bodies.cbegin(); it != bodies.cend(); ++it) {
        if (!it.key().startsWith(name + QLatin1Char('@'))) {
            continue;
        }
        auto piece = parse(it.value());
        if (!piece) {
            return std::unexpected(piece.error());
        }
        complete = complete && !piece->truncated();
        merged.total += piece->total;
        merged.numAfterTruncation += piece->numAfterTruncation;
        merged.rows.append(piece->rows);
    }
    if (complete && !merged.rows.isEmpty()) {
        list = std::move(merged);
    } else {
        notes.append(Text::tr("Asking for the %1 per job did not get past Ray's 10,000-row limit.")
                         .arg(name));
    }
    return {};
}

Result<void> parseInto(const QMap<QString, QByteArray>& bodies, UsageInput& input)
{
    auto jobs = JobListParser::parseJobs(bodies.value(QStringLiteral("jobs")));
    auto nodes = JobListParser::parseNodes(bodies.value(QStringLiteral("nodes")));
    auto tasks = StateListParser::parseTasks(bodies.value(tasksName));
    auto actors = StateListParser::parseActors(bodies.value(actorsName));
    auto groups =
        StateListParser::parsePlacementGroups(bodies.value(QStringLiteral("placement_groups")));
    for (const Error* e : {jobs ? nullptr : &jobs.error(), nodes ? nullptr : &nodes.error(),
                           tasks ? nullptr : &tasks.error(), actors ? nullptr : &actors.error(),
                           groups ? nullptr : &groups.error()}) {
        if (e != nullptr) {
            return std::unexpected(*e);
        }
    }
    input.jobs = std::move(*jobs);
    input.nodes = std::move(*nodes);
    input.tasks = std::move(*tasks);
    input.actors = std::move(*actors);
    input.placementGroups = std::move(*groups);
    return {};
}

Outcome work(const QMap<QString, QByteArray>& bodies, const QuotaConfig& config, bool splitDone)
{
    auto input = std::make_shared<UsageInput>();
    if (auto ok = parseInto(bodies, *input); !ok) {
        return {std::unexpected(ok.error()), {}, {}};
    }
    if (splitDone) {
        auto merged = mergeSplit(bodies, tasksName, input->tasks, StateListParser::parseTasks,
                                 input->fetchNotes);
        if (merged) {
            merged = mergeSplit(bodies, actorsName, input->actors, StateListParser::parseActors,
                                input->fetchNotes);
        }
        if (!merged) {
            return {std::unexpected(merged.error()), {}, {}};
        }
    } else if (input->tasks.truncated() || input->actors.truncated()) {
        Outcome outcome{UsageReport{}, {}, {}};
        if (input->tasks.truncated()) {
            outcome.truncatedLists.append(tasksName);
        }
        if (input->actors.truncated()) {
            outcome.truncatedLists.append(actorsName);
        }
        for (const JobRow& job : input->jobs) {
            if (job.isActive() && !job.jobId.isEmpty()) {
                outcome.jobIds.append(job.jobId);
            }
        }
        if (outcome.jobIds.size() <= maxSplitJobs) {
            return outcome;
        }
    }
    return {UsageAggregator::aggregate(input, config, QDateTime::currentDateTimeUtc()), {}, {}};
}

} // namespace

struct UsageEngine::Round
{
    QMap<QString, QByteArray> bodies;
    int pending = 0;
    std::optional<Error> error;
    bool split = false;
};

UsageEngine::UsageEngine(StateSource& source, QObject* parent)
    : QObject(parent)
    , m_source(source)
{
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UsageEngine::refreshNow);
}

UsageEngine::UsageEngine(std::unique_ptr<StateSource> source, QObject* parent)
    : UsageEngine(*source, parent)
{
    m_ownedSource = std::move(source);
}

UsageEngine::~UsageEngine()
{
    stop();
    m_pool.waitForDone();
}

void UsageEngine::setConfig(const QuotaConfig& config)
{
    m_config = config;
}

void UsageEngine::setIntervalSeconds(int seconds)
{
    m_intervalMs = std::max(1, seconds) * 1000;
    m_delayMs = m_intervalMs;
}

void UsageEngine::start()
{
    refreshNow();
}

void UsageEngine::stop()
{
    m_timer.stop();
    if (m_round) {
        m_round.reset();
        m_source.cancelAll();
    }
}

QUrlQuery UsageEngine::stateQuery(const QString& state, const QString& jobId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("detail"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("limit"), QString::number(10000));
    query.addQueryItem(QStringLiteral("timeout"), QStringLiteral("30"));
    auto filter = [&query](const QString& key, const QString& value) {
        query.addQueryItem(QStringLiteral("filter_keys"), key);
        query.addQueryItem(QStringLiteral("filter_predicates"), QStringLiteral("="));
        query.addQueryItem(QStringLiteral("filter_values"), value);
    };
    filter(QStringLiteral("state"), state);
    if (!jobId.isEmpty()) {
        filter(QStringLiteral("job_id"), jobId);
    }
    return query;
}

void UsageEngine::refreshNow()
{
    if (m_round) {
        return; // a round is in flight; its end schedules the next
    }
    m_timer.stop();
    m_round = std::make_shared<Round>();
    fetch(QStringLiteral("jobs"), QStringLiteral("/api/jobs/"), {});
    QUrlQuery nodes;
    nodes.addQueryItem(QStringLiteral("limit"), QString::number(10000));
    fetch(QStringLiteral("nodes"), QStringLiteral("/api/v0/nodes"), nodes);
    fetch(tasksName, QStringLiteral("/api/v0/tasks"), stateQuery(QStringLiteral("RUNNING")));
    fetch(actorsName, QStringLiteral("/api/v0/actors"), stateQuery(QStringLiteral("ALIVE")));
    fetch(QStringLiteral("placement_groups"), QStringLiteral("/api/v0/placement_groups"),
          stateQuery(QStringLiteral("CREATED")));
}

void UsageEngine::fetch(const QString& name, const QString& path, const QUrlQuery& query)
{
    ++m_round->pending;
    m_source.get(path, query, [this, round = m_round, name](Result<QByteArray> body) {
        if (round == m_round) {
            answered(name, std::move(body));
        }
    });
}

void UsageEngine::answered(const QString& name, Result<QByteArray> body)
{
    if (body) {
        m_round->bodies.insert(name, std::move(*body));
    } else if (!m_round->error) {
        m_round->error = body.error();
    }
    if (--m_round->pending > 0) {
        return;
    }
    if (m_round->error) {
        finishRound(m_round->error);
        return;
    }
    process();
}

void UsageEngine::process()
{
    auto round = m_round;
    const QuotaConfig config = m_config;
    m_pool.start([this, round, config] {
        Outcome outcome = work(round->bodies, config, round->split);
        QMetaObject::invokeMethod(
            this,
            [this, round, outcome = std::move(outcome)]() mutable {
                if (round != m_round) {
                    return;
                }
                if (outcome.report && !outcome.truncatedLists.isEmpty()) {
                    splitTruncated(outcome.truncatedLists, outcome.jobIds);
                    return;
                }
                processed(std::move(outcome.report), round);
            },
            Qt::QueuedConnection);
    });
}

void UsageEngine::splitTruncated(const QStringList& lists, const QStringList& jobIds)
{
    qCInfo(lcQuotas) << "usage: splitting" << lists << "per job over" << jobIds.size() << "jobs";
    m_round->split = true;
    if (jobIds.isEmpty()) {
        process();
        return;
    }
    for (const QString& list : lists) {
        const QString state =
            list == tasksName ? QStringLiteral("RUNNING") : QStringLiteral("ALIVE");
        for (const QString& jobId : jobIds) {
            fetch(list + QLatin1Char('@') + jobId, QStringLiteral("/api/v0/") + list,
                  stateQuery(state, jobId));
        }
    }
}

void UsageEngine::processed(Result<UsageReport> report, std::shared_ptr<Round> round)
{
    Q_UNUSED(round);
    if (!report) {
        finishRound(report.error());
        return;
    }
    m_last = std::move(*report);
    finishRound(std::nullopt);
    Q_EMIT reportReady(*m_last);
}

void UsageEngine::finishRound(const std::optional<Error>& error)
{
    m_round.reset();
    if (error) {
        m_delayMs = isBackoffStatus(*error)
                        ? std::min(m_delayMs * 2, m_intervalMs * maxBackoffFactor)
                        : m_intervalMs;
        qCWarning(lcQuotas) << "usage: refresh failed with" << error->code << "; next in"
                            << m_delayMs << "ms";
    } else {
        m_delayMs = m_intervalMs;
    }
    m_timer.start(m_delayMs);
    if (error) {
        Q_EMIT failed(*error);
    }
}

} // namespace raysec
