// /api/v0/nodes: a state API list, snake_case.

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

template <typename T>
Result<void> store(Result<T>&& value, T& target)
{
    if (!value) {
        return std::unexpected(value.error());
    }
    target = std::move(*value);
    return {};
}

// resources_total without the node:<ip> and placement-group entries.
Result<void> readResources(od::value& v, const JsonPath& path, const FieldReader& reader,
                           QMap<QString, double>& resources)
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
        auto amount = reader.nonNegative(*val, here);
        if (!amount) {
            return std::unexpected(amount.error());
        }
        if (!isDerivedResource(*k)) {
            resources.insert(toQString(*k), *amount);
        }
    }
    return {};
}

Result<void> readNodeField(std::string_view key, od::value& v, const JsonPath& path,
                           const FieldReader& reader, NodeInfo& node)
{
    if (key == "node_id") {
        return store(reader.string(v, path), node.nodeId);
    }
    if (key == "node_ip") {
        return store(reader.stringOrNull(v, path), node.nodeIp);
    }
    if (key == "node_name") {
        return store(reader.stringOrNull(v, path), node.nodeName);
    }
    if (key == "state") {
        return store(reader.string(v, path), node.state);
    }
    if (key == "is_head_node") {
        return store(reader.booleanOrNull(v, path), node.isHeadNode);
    }
    if (key == "labels") {
        return store(reader.stringMap(v, path), node.labels);
    }
    if (key == "resources_total") {
        return readResources(v, path, reader, node.resourcesTotal);
    }
    return {};
}

} // namespace

Result<NodeList> parseNodes(const QByteArray& body)
{
    const FieldReader reader(QString::fromLatin1(RayEndpoints::nodes));
    NodeList list;
    auto meta = parseStateList(body, reader.endpoint(), [&](od::object& row, const JsonPath& path) {
        NodeInfo node;
        for (auto field : row) {
            auto k = reader.key(field, path);
            if (!k) {
                return Result<void>(std::unexpected(k.error()));
            }
            const JsonPath here = path.key(*k);
            auto val = reader.value(field, here);
            if (!val) {
                return Result<void>(std::unexpected(val.error()));
            }
            if (auto ok = readNodeField(*k, *val, here, reader, node); !ok) {
                return ok;
            }
        }
        if (node.nodeId.isEmpty()) {
            return Result<void>(
                std::unexpected(reader.malformed(path.key("node_id"), Text::tr("a node id"))));
        }
        if (node.state.isEmpty()) {
            return Result<void>(
                std::unexpected(reader.malformed(path.key("state"), Text::tr("ALIVE or DEAD"))));
        }
        list.nodes.append(std::move(node));
        return Result<void>();
    });
    if (!meta) {
        return std::unexpected(meta.error());
    }
    list.meta = *meta;
    return list;
}

} // namespace raysec::RayParsers
