#pragma once

#include "core/quotas/QuotaConfig.h"
#include "core/quotas/StateListParser.h"
#include "core/quotas/UsageAggregator.h"
#include "support/TestSupport.h"

#include <QTest>

namespace raysec::test {

inline QString fixture(const QString& name)
{
    return QStringLiteral(RAYSEC_SOURCE_DIR "/tests/core/quotas/fixtures/") + name;
}

// The moment the fixtures describe: the ml and data jobs started within the hour before it.
inline QDateTime fixtureNow()
{
    return QDateTime::fromMSecsSinceEpoch(1764700300000, Qt::UTC);
}

inline std::shared_ptr<UsageInput>
fixtureInput(const QString& tasksFile = QStringLiteral("tasks.json"))
{
    auto input = std::make_shared<UsageInput>();
    auto tasks = StateListParser::parseTasks(readFile(fixture(tasksFile)));
    auto actors = StateListParser::parseActors(readFile(fixture(QStringLiteral("actors.json"))));
    auto groups = StateListParser::parsePlacementGroups(
        readFile(fixture(QStringLiteral("placement_groups.json"))));
    auto jobs = JobListParser::parseJobs(readFile(fixture(QStringLiteral("jobs.json"))));
    auto nodes = JobListParser::parseNodes(readFile(fixture(QStringLiteral("nodes.json"))));
    if (!tasks || !actors || !groups || !jobs || !nodes) {
        qFatal("a quota fixture did not parse");
    }
    input->tasks = *tasks;
    input->actors = *actors;
    input->placementGroups = *groups;
    input->jobs = *jobs;
    input->nodes = *nodes;
    return input;
}

inline QuotaConfig fixtureConfig()
{
    auto config = QuotaConfig::fromJson(readFile(fixture(QStringLiteral("config.json"))));
    if (!config) {
        qFatal("the quota fixture config did not parse: %s", qPrintable(config.error().text()));
    }
    return *config;
}

} // namespace raysec::test
