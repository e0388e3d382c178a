#include "sim/StateApi.h"

#include "sim/RayEnvelope.h"
#include "sim/StateRows.h"

#include <QStringList>

#include <algorithm>

namespace raysec::sim {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// Ray compares filter values as text, strings without regard to case.
std::string filterText(const nlohmann::json& value)
{
    if (value.is_string()) {
        return lower(value.get<std::string>());
    }
    if (value.is_null()) {
        return "none";
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "true" : "false";
    }
    return lower(value.dump());
}

} // namespace

StateApi::StateApi(const ClusterModel& model)
    : m_model(model)
{
}

std::optional<HttpReply> StateApi::handle(const ApiRequest& request) const
{
    const QString& path = request.path;
    if (!path.startsWith(QLatin1String("/api/v0/"))) {
        return std::nullopt;
    }
    const QString what = path.mid(8);
    static const QStringList known = {QStringLiteral("nodes"), QStringLiteral("tasks"),
                                      QStringLiteral("actors"), QStringLiteral("placement_groups"),
                                      QStringLiteral("tasks/summarize")};
    if (!known.contains(what)) {
        return std::nullopt;
    }
    if (!request.isGet()) {
        return HttpReply::methodNotAllowed();
    }
    if (what == QLatin1String("nodes")) {
        return list(request, m_model.nodes(), &StateRows::node);
    }
    if (what == QLatin1String("tasks")) {
        return list(request, m_model.tasks(), &StateRows::task);
    }
    if (what == QLatin1String("actors")) {
        return list(request, m_model.actors(), &StateRows::actor);
    }
    if (what == QLatin1String("placement_groups")) {
        return list(request, m_model.placementGroups(), &StateRows::placementGroup);
    }
    return summarizeTasks(request);
}

std::optional<HttpReply> StateApi::parseQuery(const ApiRequest& request, ListQuery& query)
{
    if (const QString limit = request.queryValue("limit"); !limit.isEmpty()) {
        bool ok = false;
        query.limit = limit.toInt(&ok);
        if (!ok || query.limit < 0) {
            return HttpReply::text("Invalid limit " + limit.toUtf8() + ": not an integer.", 400);
        }
        if (query.limit > kMaxLimit) {
            return HttpReply::text("Given limit " + limit.toUtf8() +
                                       " exceeds the supported limit 10000. Use a lower limit.",
                                   400);
        }
    }
    query.detail =
        request.queryValue("detail").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
        request.queryValue("detail") == QLatin1String("1");

    const QStringList keys = request.queryValues("filter_keys");
    const QStringList predicates = request.queryValues("filter_predicates");
    const QStringList values = request.queryValues("filter_values");
    if (keys.size() != predicates.size() || keys.size() != values.size()) {
        return HttpReply::text("filter_keys, filter_predicates and filter_values must have the "
                               "same number of entries.",
                               400);
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (predicates[i] != QLatin1String("=") && predicates[i] != QLatin1String("!=")) {
            return HttpReply::text("Unsupported filter predicate " + predicates[i].toUtf8() +
                                       ". Supported predicates: =, !=",
                                   400);
        }
        query.filters.emplace_back(keys[i].toStdString(), predicates[i] == QLatin1String("="),
                                   lower(values[i].toStdString()));
    }
    return std::nullopt;
}

template <typename Record, typename ToRow>
HttpReply StateApi::list(const ApiRequest& request, const std::vector<Record>& records,
                         ToRow toRow) const
{
    ListQuery query;
    if (std::optional<HttpReply> bad = parseQuery(request, query)) {
        return *bad;
    }
    if (!records.empty()) {
        const nlohmann::json sample = toRow(records.front(), false);
        for (const auto& [key, equal, value] : query.filters) {
            if (!sample.contains(key)) {
                return HttpReply::text("Given filter column " + QByteArray::fromStdString(key) +
                                           " is not supported.",
                                       400);
            }
        }
    }

    const std::size_t fromSource = std::min(records.size(), std::size_t(query.limit));
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < fromSource; ++i) {
        nlohmann::json row = toRow(records[i], query.detail);
        const bool keep =
            std::all_of(query.filters.begin(), query.filters.end(), [&](const auto& filter) {
                const auto& [key, equal, value] = filter;
                return (filterText(row[key]) == value) == equal;
            });
        if (keep) {
            rows.push_back(std::move(row));
        }
    }

    const bool truncated = fromSource < records.size();
    nlohmann::json result = {
        {"total", records.size()},
        {"num_after_truncation", fromSource},
        {"num_filtered", rows.size()},
        {"result", std::move(rows)},
        {"partial_failure_warning", nullptr},
        {"warnings", truncated ? nlohmann::json::array(
                                     {"Limit last " + std::to_string(query.limit) +
                                      " entries (total " + std::to_string(records.size()) + ")."})
                               : nlohmann::json(nullptr)}};
    return HttpReply::json(RayEnvelope::snakeCase("", {{"result", std::move(result)}}));
}

HttpReply StateApi::summarizeTasks(const ApiRequest& request) const
{
    ListQuery query;
    if (std::optional<HttpReply> bad = parseQuery(request, query)) {
        return *bad;
    }
    nlohmann::json summary = nlohmann::json::object();
    int actorTasks = 0;
    for (const SimTask& task : m_model.tasks()) {
        nlohmann::json& entry = summary[task.funcOrClassName];
        if (entry.is_null()) {
            entry = {{"func_or_class_name", task.funcOrClassName},
                     {"type", task.type},
                     {"state_counts", nlohmann::json::object()}};
        }
        nlohmann::json& count = entry["state_counts"][task.state];
        count = count.is_null() ? 1 : count.get<int>() + 1;
        actorTasks += task.type == "ACTOR_TASK" ? 1 : 0;
    }
    const std::size_t total = m_model.tasks().size();
    nlohmann::json cluster = {{"summary", std::move(summary)},
                              {"total_tasks", total - std::size_t(actorTasks)},
                              {"total_actor_tasks", actorTasks},
                              {"total_actor_scheduled", 0},
                              {"summary_by", "func_name"}};
    nlohmann::json result = {{"total", total},
                             {"num_after_truncation", total},
                             {"num_filtered", total},
                             {"result", {{"node_id_to_summary", {{"cluster", cluster}}}}},
                             {"partial_failure_warning", nullptr},
                             {"warnings", nullptr}};
    return HttpReply::json(RayEnvelope::snakeCase("", {{"result", std::move(result)}}));
}

} // namespace raysec::sim
