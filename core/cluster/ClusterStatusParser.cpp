// /api/cluster_status: a dashboard envelope whose data keys Ray converted to camelCase.

#include "core/cluster/Envelopes.h"
#include "core/cluster/RayEndpoints.h"
#include "core/cluster/RayParsers.h"

#include <QCoreApplication>

namespace raysec::RayParsers {

using namespace raysec::json;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RayParsers)
};

// Calls onField(key, value, path) for each member of an object (null is an empty object).
template <typename OnField>
Result<void> forEachField(od::value& v, const JsonPath& path, const FieldReader& reader,
                          OnField&& onField)
{
    auto obj = reader.objectOrNull(v, path);
    if (!obj) {
        return std::unexpected(obj.error());
    }
    if (!*obj) {
        return {};
    }
    for (auto field : **obj) {
        auto k = reader.key(field, path);
        if (!k) {
            return std::unexpected(k.error());
        }
        const JsonPath here = path.key(*k);
        auto val = reader.value(field, here);
        if (!val) {
            return std::unexpected(val.error());
        }
        if (auto ok = onField(*k, *val, here); !ok) {
            return ok;
        }
    }
    return {};
}

// usage maps a resource name to [used, total].
Result<ResourceUsage> usagePair(od::value& v, const JsonPath& path, const FieldReader& reader)
{
    const QString expected = Text::tr("a pair [used, total] of numbers of at least 0");
    auto arr = reader.array(v, path);
    if (!arr) {
        return std::unexpected(reader.malformed(path, expected));
    }
    double numbers[2] = {0, 0};
    std::size_t i = 0;
    for (auto item : *arr) {
        od::value element;
        if (auto err = item.get(element)) {
            return std::unexpected(reader.fromSimdjson(err, path.index(i), expected));
        }
        if (i >= 2) {
            return std::unexpected(reader.malformed(path, expected));
        }
        auto d = reader.nonNegative(element, path.index(i));
        if (!d) {
            return std::unexpected(d.error());
        }
        numbers[i++] = *d;
    }
    if (i != 2) {
        return std::unexpected(reader.malformed(path, expected));
    }
    return ResourceUsage{numbers[0], numbers[1]};
}

Result<void> readLoadMetrics(od::value& v, const JsonPath& path, const FieldReader& reader,
                             ClusterStatusInfo& info)
{
    bool isNull = false;
    if (v.is_null().get(isNull) == simdjson::SUCCESS && isNull) {
        return {};
    }
    info.hasLoadMetrics = true;
    return forEachField(
        v, path, reader,
        [&](std::string_view key, od::value& val, const JsonPath& here) -> Result<void> {
            if (key != "usage") {
                return {};
            }
            return forEachField(
                val, here, reader,
                [&](std::string_view name, od::value& pair, const JsonPath& at) -> Result<void> {
                    auto usage = usagePair(pair, at, reader);
                    if (!usage) {
                        return std::unexpected(usage.error());
                    }
                    if (!isDerivedResource(name)) {
                        info.usage.insert(canonicalResourceName(name), *usage);
                    }
                    return {};
                });
        });
}

// Counts the entries of a list (pendingNodes, failedNodes) or sums an object of counts
// (activeNodes, pendingLaunches: node type -> number).
Result<int> countNodes(od::value& v, const JsonPath& path, const FieldReader& reader)
{
    od::json_type type;
    if (auto err = v.type().get(type)) {
        return std::unexpected(reader.fromSimdjson(err, path, Text::tr("a list or an object")));
    }
    qint64 total = 0;
    if (type == od::json_type::null) {
        return 0;
    }
    if (type == od::json_type::array) {
        auto arr = reader.array(v, path);
        std::size_t n = 0;
        if (!arr || arr->count_elements().get(n)) {
            return std::unexpected(reader.malformed(path, Text::tr("a list")));
        }
        return int(std::min<std::size_t>(n, 1000000));
    }
    auto ok =
        forEachField(v, path, reader,
                     [&](std::string_view, od::value& val, const JsonPath& here) -> Result<void> {
                         auto n = reader.count(val, here, 1000000);
                         if (!n) {
                             return std::unexpected(n.error());
                         }
                         total += *n;
                         return {};
                     });
    if (!ok) {
        return std::unexpected(ok.error());
    }
    return int(std::min<qint64>(total, 1000000));
}

Result<void> readAutoscaler(od::value& v, const JsonPath& path, const FieldReader& reader,
                            ClusterStatusInfo& info)
{
    return forEachField(
        v, path, reader,
        [&](std::string_view key, od::value& val, const JsonPath& here) -> Result<void> {
            int* target = nullptr;
            if (key == "activeNodes") {
                target = &info.activeNodes;
            } else if (key == "pendingNodes" || key == "pendingLaunches") {
                target = &info.pendingNodes;
            } else if (key == "failedNodes") {
                target = &info.failedNodes;
            } else {
                return {};
            }
            auto n = countNodes(val, here, reader);
            if (!n) {
                return std::unexpected(n.error());
            }
            *target += *n;
            return {};
        });
}

} // namespace

Result<ClusterStatusInfo> parseClusterStatus(const QByteArray& body)
{
    const FieldReader reader(QString::fromLatin1(RayEndpoints::clusterStatus));
    const PaddedBody padded(body);
    od::parser parser;
    od::document doc;
    if (auto err = parser.iterate(padded.view()).get(doc)) {
        return std::unexpected(reader.fromSimdjson(err, JsonPath(), Text::tr("JSON")));
    }

    ClusterStatusInfo info;
    auto ok = readDashboardEnvelope(doc, reader, [&](od::value& data, const JsonPath& path) {
        return forEachField(
            data, path, reader,
            [&](std::string_view key, od::value& status, const JsonPath& here) -> Result<void> {
                if (key != "clusterStatus") {
                    return {};
                }
                return forEachField(
                    status, here, reader,
                    [&](std::string_view part, od::value& val, const JsonPath& at) -> Result<void> {
                        if (part == "loadMetricsReport") {
                            return readLoadMetrics(val, at, reader, info);
                        }
                        if (part == "autoscalerReport") {
                            return readAutoscaler(val, at, reader, info);
                        }
                        return {};
                    });
            });
    });
    if (!ok) {
        return std::unexpected(ok.error());
    }
    return info;
}

} // namespace raysec::RayParsers
