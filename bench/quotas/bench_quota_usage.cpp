// Quota usage aggregation: parse and aggregate 10,000 running tasks, 5,000 alive actors and
// 1,000 created placement groups (state API answers with detail) and print the median time,
// next to simdjson's own DOM parse of the same bytes as the machine's limit.

#include "core/quotas/StateListParser.h"
#include "core/quotas/UsageAggregator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <simdjson.h>

#include <algorithm>
#include <vector>

using namespace raysec;

namespace {

QByteArray envelope(const QByteArray& rows, int count)
{
    return "{\"result\": true, \"msg\": \"\", \"data\": {\"result\": {\"total\": " +
           QByteArray::number(count) + ", \"num_after_truncation\": " + QByteArray::number(count) +
           ", \"num_filtered\": " + QByteArray::number(count) + ", \"result\": [" + rows +
           "], \"partial_failure_warning\": null, \"warnings\": null}}}";
}

QByteArray hex(int n, int width)
{
    return QByteArray::number(n, 16).rightJustified(width, '0');
}

QByteArray tasks(int count)
{
    QByteArray rows;
    for (int i = 0; i < count; ++i) {
        const QByteArray group = i % 4 == 0 ? '"' + hex(i / 10 % 1000, 36) + '"' : "null";
        rows += (i ? "," : "") + QByteArray("{\"task_id\": \"") + hex(i, 48) +
                "\", \"attempt_number\": 0, \"name\": \"step\", \"state\": \"RUNNING\", "
                "\"job_id\": \"" +
                hex(i % 50, 8) +
                "\", \"actor_id\": null, \"type\": "
                "\"NORMAL_TASK\", \"func_or_class_name\": \"train.step\", \"node_id\": \"" +
                hex(i % 200, 56) + "\", \"worker_id\": \"" + hex(i, 56) +
                "\", \"error_type\": null, \"required_resources\": {\"CPU\": 1, \"GPU\": 0.25, "
                "\"memory\": 1073741824}, \"placement_group_id\": " +
                group +
                ", \"start_time_ms\": 1764700000000, \"end_time_ms\": null, "
                "\"error_message\": null}";
    }
    return envelope(rows, count);
}

QByteArray actors(int count)
{
    QByteArray rows;
    for (int i = 0; i < count; ++i) {
        rows += (i ? "," : "") + QByteArray("{\"actor_id\": \"") + hex(i, 32) +
                "\", \"class_name\": \"Worker\", \"state\": \"ALIVE\", \"job_id\": \"" +
                hex(i % 50, 8) + "\", \"name\": \"\", \"node_id\": \"" + hex(i % 200, 56) +
                "\", \"pid\": 1234, \"ray_namespace\": \"default\", \"required_resources\": " +
                (i % 3 == 0 ? "{}" : "{\"CPU\": 1, \"custom_accel\": 1}") +
                ", \"placement_group_id\": null}";
    }
    return envelope(rows, count);
}

QByteArray groups(int count)
{
    QByteArray rows;
    for (int i = 0; i < count; ++i) {
        rows +=
            (i ? "," : "") + QByteArray("{\"placement_group_id\": \"") + hex(i, 36) +
            "\", \"name\": \"pg\", \"creator_job_id\": \"" + hex(i % 50, 8) +
            "\", \"state\": \"CREATED\", \"bundles\": [{\"bundle_id\": \"b0\", \"node_id\": "
            "\"n\", \"unit_resources\": {\"CPU\": 2, \"GPU\": 1}}, {\"bundle_id\": \"b1\", "
            "\"node_id\": \"n\", \"unit_resources\": {\"CPU\": 2, \"bundle_group_x\": 0.001}}]}";
    }
    return envelope(rows, count);
}

double medianMs(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray t = tasks(10000), a = actors(5000), g = groups(1000);
    const QuotaConfig config;
    constexpr int runs = 31;
    std::vector<double> engine, raw;
    double checksum = 0;
    simdjson::dom::parser parser; // kept across runs, as the engine keeps its parser
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto input = std::make_shared<UsageInput>();
        input->tasks = *StateListParser::parseTasks(t);
        input->actors = *StateListParser::parseActors(a);
        input->placementGroups = *StateListParser::parsePlacementGroups(g);
        const UsageReport report =
            UsageAggregator::aggregate(input, config, QDateTime::currentDateTimeUtc());
        engine.push_back(double(timer.nsecsElapsed()) / 1e6);
        checksum += report.clusterUsed.cpu;

        timer.restart();
        for (const QByteArray* bytes : {&t, &a, &g}) {
            simdjson::dom::element doc = parser.parse(bytes->constData(), size_t(bytes->size()));
            checksum += double(doc["data"]["result"]["total"].get_int64().value());
        }
        raw.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    QTextStream out(stdout);
    const double mb = double(t.size() + a.size() + g.size()) / (1024.0 * 1024.0);
    out << "quota usage aggregation: 10000 tasks, 5000 actors, 1000 placement groups ("
        << QString::number(mb, 'f', 1) << " MB)\n";
    out << "  parse + aggregate, median of " << runs << ": "
        << QString::number(medianMs(engine), 'f', 2) << " ms (target <= 50 ms)\n";
    out << "  simdjson DOM parse of the same bytes ("
        << simdjson::get_active_implementation()->name().data()
        << "), median: " << QString::number(medianMs(raw), 'f', 2) << " ms\n";
    out << "  checksum " << checksum << "\n";
    return 0;
}
