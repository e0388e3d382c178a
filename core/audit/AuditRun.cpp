#include "core/audit/AuditRun.h"

#include <array>

namespace raysec {

namespace {

constexpr std::array<const char*, 4> names{"pass", "fail", "not-applicable", "error"};

std::string utf8(const QString& text)
{
    return text.toStdString();
}

QString text(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

} // namespace

QString outcomeName(CheckOutcome outcome)
{
    return QString::fromLatin1(names.at(static_cast<std::size_t>(outcome)));
}

std::optional<CheckOutcome> outcomeFromName(const QString& name)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (name == QLatin1String(names.at(i))) {
            return static_cast<CheckOutcome>(i);
        }
    }
    return std::nullopt;
}

const CheckResult* AuditRun::result(const QString& checkId) const
{
    for (const CheckResult& r : results) {
        if (r.checkId == checkId) {
            return &r;
        }
    }
    return nullptr;
}

nlohmann::json AuditRun::resultsJson() const
{
    nlohmann::json list = nlohmann::json::array();
    for (const CheckResult& r : results) {
        nlohmann::json evidence = nlohmann::json::array();
        for (const Evidence& e : r.evidence) {
            evidence.push_back(
                {{"request", utf8(e.request)}, {"status", e.status}, {"excerpt", utf8(e.excerpt)}});
        }
        list.push_back({{"check", utf8(r.checkId)},
                        {"outcome", utf8(outcomeName(r.outcome))},
                        {"detail", utf8(r.detail)},
                        {"evidence", evidence}});
    }
    return list;
}

std::optional<QList<CheckResult>> AuditRun::resultsFromJson(const nlohmann::json& json)
{
    if (!json.is_array()) {
        return std::nullopt;
    }
    QList<CheckResult> results;
    for (const auto& item : json) {
        if (!item.is_object()) {
            return std::nullopt;
        }
        const auto outcome = outcomeFromName(text(item, "outcome"));
        if (!outcome || text(item, "check").isEmpty()) {
            return std::nullopt;
        }
        CheckResult r{text(item, "check"), *outcome, text(item, "detail"), {}};
        for (const auto& e : item.value("evidence", nlohmann::json::array())) {
            r.evidence.append(
                Evidence{text(e, "request"), e.value("status", 0), text(e, "excerpt")});
        }
        results.append(std::move(r));
    }
    return results;
}

} // namespace raysec
