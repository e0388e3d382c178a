#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <string_view>

namespace raysec {

// Amounts of Ray's logical resources held or requested by one piece of work, a job or a team:
// CPU, GPU, memory (bytes) and custom resources by name. Placement-group shadow resources
// (`CPU_group_<id>`), `node:<ip>` markers and object_store_memory are never counted.
struct ResourceSet
{
    double cpu = 0;
    double gpu = 0;
    double memory = 0;
    QMap<QString, double> custom;

    // Sets one resource by Ray's name; names that are not counted are ignored.
    void set(std::string_view name, double amount);
    double value(const QString& name) const;
    void add(const ResourceSet& other);
    bool isEmpty() const;
    // "CPU", "GPU", "memory" and the custom names present, in that order.
    QStringList names() const;

    static bool isCounted(std::string_view name);
};

} // namespace raysec
