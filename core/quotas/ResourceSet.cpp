#include "core/quotas/ResourceSet.h"

namespace raysec {

bool ResourceSet::isCounted(std::string_view name)
{
    // Ray adds `<resource>_group_<pgid>` for placement-group reservations and `node:<ip>` per
    // node; both mirror resources already counted elsewhere. object_store_memory is reported
    // but not schedulable.
    if (name.empty() || name.starts_with("node:") || name.find("_group_") != name.npos) {
        return false;
    }
    return name != "object_store_memory";
}

void ResourceSet::set(std::string_view name, double amount)
{
    if (!isCounted(name)) {
        return;
    }
    if (name == "CPU") {
        cpu = amount;
    } else if (name == "GPU") {
        gpu = amount;
    } else if (name == "memory") {
        memory = amount;
    } else {
        custom.insert(QString::fromUtf8(name.data(), qsizetype(name.size())), amount);
    }
}

double ResourceSet::value(const QString& name) const
{
    if (name == QLatin1String("CPU")) {
        return cpu;
    }
    if (name == QLatin1String("GPU")) {
        return gpu;
    }
    if (name == QLatin1String("memory")) {
        return memory;
    }
    return custom.value(name, 0.0);
}

void ResourceSet::add(const ResourceSet& other)
{
    cpu += other.cpu;
    gpu += other.gpu;
    memory += other.memory;
    for (auto it = other.custom.cbegin(); it != other.custom.cend(); ++it) {
        custom[it.key()] += it.value();
    }
}

bool ResourceSet::isEmpty() const
{
    if (cpu != 0 || gpu != 0 || memory != 0) {
        return false;
    }
    for (double amount : custom) {
        if (amount != 0) {
            return false;
        }
    }
    return true;
}

QStringList ResourceSet::names() const
{
    QStringList list{QStringLiteral("CPU"), QStringLiteral("GPU"), QStringLiteral("memory")};
    list.append(custom.keys());
    return list;
}

} // namespace raysec
