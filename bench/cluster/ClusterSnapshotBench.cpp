// Parses and aggregates a generated 2,000-node, 10,000-job, 10,000-function cluster into a
// ClusterSnapshot on one core, and times Python's json module on the same bytes. Prints the
// medians, the ratio, peak RSS and simdjson's raw DOM parse of the bytes as the floor.

#include "core/cluster/SnapshotBuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <simdjson.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace raysec;

namespace {

constexpr int nodeCount = 2000;
constexpr int jobCount = 10000;
constexpr int functionCount = 10000;
constexpr int runs = 15;

QByteArray hexId(int n, int bytes)
{
    return QByteArray::number(n, 16).rightJustified(bytes * 2, '0');
}

QByteArray stateEnvelope(const QByteArray& total, const QByteArray& result)
{
    return R"({"result": true, "msg": "", "data": {"result": {"total": )" + total +
           R"(, "num_after_truncation": )" + total + R"(, "num_filtered": )" + total +
           R"(, "result": )" + result + R"(, "partial_failure_warning": null, "warnings": null}}})";
}

QByteArray nodes()
{
    QByteArray rows = "[";
    for (int i = 0; i < nodeCount; ++i) {
        const QByteArray ip =
            "10.0." + QByteArray::number(i / 250) + '.' + QByteArray::number(i % 250);
        const QByteArray id = hexId(i, 28);
        rows += (i ? ", " : "") + QByteArray(R"({"node_id": ")") + id + R"(", "node_ip": ")" + ip +
                R"(", "is_head_node": )" + (i == 0 ? "true" : "false") + R"(, "state": ")" +
                (i % 50 == 49 ? "DEAD" : "ALIVE") + R"(", "state_message": null, "node_name": ")" +
                ip +
                R"(", "resources_total": {"CPU": 32.0, "GPU": 4.0, "memory": 137438953472.0, )"
                R"("object_store_memory": 42949672960.0, "node:)" +
                ip + R"(": 1.0, "accelerator_type:A100": 1.0}, "labels": {"ray.io/node_id": ")" +
                id + R"(", "zone": "eu-1a"}, "start_time_ms": 1764756000000, "end_time_ms": 0})";
    }
    return stateEnvelope(QByteArray::number(nodeCount), rows + "]");
}

QByteArray jobs()
{
    static const char* statuses[] = {"PENDING", "RUNNING", "STOPPED", "SUCCEEDED", "FAILED"};
    QByteArray out = "[";
    for (int i = 0; i < jobCount; ++i) {
        const QByteArray jid = hexId(i, 4);
        out += (i ? ", " : "") + QByteArray(R"({"type": "SUBMISSION", "job_id": ")") + jid +
               R"(", "submission_id": "raysubmit_)" + hexId(i, 8) +
               R"(", "driver_info": {"id": ")" + jid +
               R"(", "node_ip_address": "10.0.0.1", "pid": "4242"}, "status": ")" +
               statuses[i % 5] + R"(", "entrypoint": "python train.py --shard )" +
               QByteArray::number(i) +
               R"( --epochs 10", "message": "Job finished successfully.", "error_type": null, )"
               R"("start_time": 1764756000000, "end_time": 1764759600000, "metadata": )"
               R"({"team": "vision", "owner": "alice"}, "runtime_env": {"pip": ["torch"]}, )"
               R"("driver_agent_http_address": "http://10.0.0.1:52365", "driver_node_id": ")" +
               hexId(1, 28) + R"(", "driver_exit_code": 0})";
    }
    return out + "]";
}

QByteArray taskSummary()
{
    QByteArray rows;
    for (int i = 0; i < functionCount; ++i) {
        const QByteArray name = "module.task_" + QByteArray::number(i);
        rows += (i ? ", \"" : "\"") + name + R"(": {"func_or_class_name": ")" + name +
                R"(", "type": "NORMAL_TASK", "state_counts": {"FINISHED": 120, "RUNNING": 4, )"
                R"("PENDING_NODE_ASSIGNMENT": 2}})";
    }
    return stateEnvelope(QByteArray::number(functionCount * 126),
                         R"({"node_id_to_summary": {"cluster": {"summary": {)" + rows +
                             R"(}, "total_tasks": )" + QByteArray::number(functionCount * 126) +
                             R"(, "total_actor_tasks": 0, "total_actor_scheduled": 0, )"
                             R"("summary_by": "func_name"}}})");
}

QByteArray clusterStatus()
{
    return R"({"result": true, "msg": "Got cluster status.", "data": {"clusterStatus":
        {"loadMetricsReport": {"usage": {"CPU": [20000.0, 64000.0], "GPU": [3000.0, 8000.0],
        "memory": [1.0e14, 2.7e14], "objectStoreMemory": [1.0e13, 8.5e13]}},
        "autoscalerReport": {"activeNodes": {"gpu_worker": 1960}, "pendingNodes": [],
        "failedNodes": []}}}})";
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Python's json.loads over the same six bodies, median of `runs`, in milliseconds.
double pythonMedianMs(const RawResponses& raw)
{
    QTemporaryDir dir;
    const QList<QByteArray> bodies = {raw.version,       *raw.authenticationMode,
                                      raw.clusterStatus, raw.nodes,
                                      raw.jobs,          raw.taskSummary};
    QStringList files;
    for (int i = 0; i < bodies.size(); ++i) {
        QFile f(dir.filePath(QString::number(i)));
        f.open(QIODevice::WriteOnly);
        f.write(bodies[i]);
        files << f.fileName();
    }
    const QString script = QStringLiteral("import json, sys, time, statistics\n"
                                          "data = [open(p, 'rb').read() for p in sys.argv[2:]]\n"
                                          "t = []\n"
                                          "for _ in range(int(sys.argv[1])):\n"
                                          "    s = time.perf_counter()\n"
                                          "    for d in data: json.loads(d)\n"
                                          "    t.append((time.perf_counter() - s) * 1000)\n"
                                          "print(statistics.median(t))\n");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral("-c"), script, QString::number(runs)} + files);
    python.waitForFinished(600000);
    return python.readAllStandardOutput().trimmed().toDouble();
}

double simdjsonFloorMs(const RawResponses& raw)
{
    simdjson::dom::parser parser;
    std::vector<simdjson::padded_string> padded;
    for (const QByteArray* b : {&raw.version, &*raw.authenticationMode, &raw.clusterStatus,
                                &raw.nodes, &raw.jobs, &raw.taskSummary}) {
        padded.emplace_back(b->constData(), std::size_t(b->size()));
    }
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        for (const auto& p : padded) {
            simdjson::dom::element doc;
            if (parser.parse(p).get(doc)) {
                std::fprintf(stderr, "simdjson rejected the generated JSON\n");
            }
        }
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

RawResponses generate()
{
    RawResponses raw;
    raw.version =
        R"({"version": "4", "ray_version": "2.52.1", "ray_commit": "abc", "session_name": "s"})";
    raw.authenticationMode = QByteArray(R"({"authentication_mode": "token"})");
    raw.clusterStatus = clusterStatus();
    raw.nodes = nodes();
    raw.jobs = jobs();
    raw.taskSummary = taskSummary();
    return raw;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);

    // SnapshotBuilder runs on the calling thread only, so this measures one core. The process
    // is not pinned to a particular core: on a shared machine that core may be the busy one.

    const RawResponses raw = generate();
    const qint64 bytes = raw.version.size() + raw.authenticationMode->size() +
                         raw.clusterStatus.size() + raw.nodes.size() + raw.jobs.size() +
                         raw.taskSummary.size();

    std::vector<double> times;
    int jobsSeen = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        auto snapshot = SnapshotBuilder::build(raw);
        times.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!snapshot) {
            std::fprintf(stderr, "build failed: %s\n", qPrintable(snapshot.error().text()));
            return 1;
        }
        jobsSeen = int(snapshot->jobs.size());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    const double ours = median(times);
    const double floor = simdjsonFloorMs(raw);
    const double python = pythonMedianMs(raw);
    std::printf("cluster snapshot: %d nodes, %d jobs, %d task rows, %.2f MB of JSON\n", nodeCount,
                jobsSeen, functionCount, double(bytes) / 1e6);
    std::printf("parse+aggregate (SnapshotBuilder, 1 core): median %.1f ms of %d runs "
                "(target <= 100 ms)\n",
                ours, runs);
    std::printf("peak RSS of this process: %.1f MB (target <= 150 MB)\n",
                double(usage.ru_maxrss) / 1024.0);
    std::printf("floor, simdjson DOM parse of the same bytes: median %.1f ms (%.2f GB/s); "
                "ours is %.1fx the floor\n",
                floor, double(bytes) / floor / 1e6, ours / floor);
    std::printf("Python json.loads of the same bytes: median %.1f ms; ratio Python/Raysec %.2f\n",
                python, python / ours);
    return 0;
}
