#include "core/quotas/UsageFiles.h"

#include "core/quotas/StateListParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::UsageFiles)
};

Result<QByteArray> readSaved(const QDir& dir, const QString& name)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("quotas.missing-file"),
                    Text::tr("Cannot read %1: %2.").arg(file.fileName(), file.errorString()),
                    Text::tr("Save the answer of the matching dashboard request into that file."));
    }
    return file.readAll();
}

template <typename Parse>
auto parseSaved(const QDir& dir, const QString& name, Parse parse) -> decltype(parse(QByteArray()))
{
    auto bytes = readSaved(dir, name);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return parse(*bytes);
}

} // namespace

Result<std::shared_ptr<UsageInput>> UsageFiles::load(const QString& directory)
{
    const QDir dir(directory);
    auto input = std::make_shared<UsageInput>();
    auto tasks = parseSaved(dir, QStringLiteral("tasks.json"), StateListParser::parseTasks);
    auto actors = parseSaved(dir, QStringLiteral("actors.json"), StateListParser::parseActors);
    auto groups = parseSaved(dir, QStringLiteral("placement_groups.json"),
                             StateListParser::parsePlacementGroups);
    auto jobs = parseSaved(dir, QStringLiteral("jobs.json"), JobListParser::parseJobs);
    if (!tasks || !actors || !groups || !jobs) {
        const Error e = !tasks    ? tasks.error()
                        : !actors ? actors.error()
                        : !groups ? groups.error()
                                  : jobs.error();
        return std::unexpected(e);
    }
    input->tasks = std::move(*tasks);
    input->actors = std::move(*actors);
    input->placementGroups = std::move(*groups);
    input->jobs = std::move(*jobs);
    if (dir.exists(QStringLiteral("nodes.json"))) {
        auto nodes = parseSaved(dir, QStringLiteral("nodes.json"), JobListParser::parseNodes);
        if (!nodes) {
            return std::unexpected(nodes.error());
        }
        input->nodes = std::move(*nodes);
    }
    return input;
}

} // namespace raysec
