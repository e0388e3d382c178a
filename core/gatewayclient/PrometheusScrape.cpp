#include "core/gatewayclient/PrometheusScrape.h"

namespace raysec {

QString PrometheusSample::label(const QString& key) const
{
    const auto it = labels.find(key);
    return it == labels.end() ? QString() : it->second;
}

std::vector<const PrometheusSample*> PrometheusScrape::named(const QString& name) const
{
    std::vector<const PrometheusSample*> found;
    for (const PrometheusSample& sample : samples) {
        if (sample.name == name) {
            found.push_back(&sample);
        }
    }
    return found;
}

std::optional<double> PrometheusScrape::value(const QString& name,
                                              const std::map<QString, QString>& match) const
{
    for (const PrometheusSample* sample : named(name)) {
        bool matches = true;
        for (const auto& [key, wanted] : match) {
            if (sample->label(key) != wanted) {
                matches = false;
                break;
            }
        }
        if (matches) {
            return sample->value;
        }
    }
    return std::nullopt;
}

} // namespace raysec
