#pragma once

#include <QDateTime>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace raysec {

// One line of Prometheus text exposition: a metric name, its labels and a value.
struct PrometheusSample
{
    QString name;
    std::map<QString, QString> labels;
    double value = 0;

    QString label(const QString& key) const;
};

// Every sample of one /metrics answer plus the declared metric types, stamped with the time it
// was taken so two scrapes can be turned into rates.
struct PrometheusScrape
{
    std::vector<PrometheusSample> samples;
    std::map<QString, QString> types; // metric family name -> counter, gauge, histogram, ...
    QDateTime takenAt;

    // Samples named `name`, in the order they appeared.
    std::vector<const PrometheusSample*> named(const QString& name) const;
    // The single sample named `name` whose labels include every pair in `match`.
    std::optional<double> value(const QString& name,
                                const std::map<QString, QString>& match = {}) const;
};

} // namespace raysec
