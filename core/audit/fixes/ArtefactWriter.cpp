#include "core/audit/fixes/ArtefactWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::ArtefactWriter)
};

bool safeRelative(const QString& path)
{
    return !path.isEmpty() && !QDir::isAbsolutePath(path) && !path.contains(u'\\') &&
           !path.split(u'/').contains(QStringLiteral("..")) && QDir::cleanPath(path) == path;
}

} // namespace

QString ArtefactWriter::folderProblem(const QString& folder,
                                      const std::vector<FixArtefact>& artefacts)
{
    if (folder.trimmed().isEmpty()) {
        return Text::tr("Choose a folder for the files.");
    }
    if (!QDir::isAbsolutePath(folder)) {
        return Text::tr("Type an absolute folder path, such as /home/you/ray-hardening.");
    }
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir()) {
        return Text::tr("%1 is a file; choose a folder.").arg(folder);
    }
    for (const FixArtefact& a : artefacts) {
        if (!safeRelative(a.path)) {
            return Text::tr("The generated file name \"%1\" is not usable.").arg(a.path);
        }
        if (QFileInfo::exists(QDir(folder).filePath(a.path))) {
            return Text::tr("%1 already holds %2; choose an empty or new folder so nothing is "
                            "overwritten.")
                .arg(folder, a.path);
        }
    }
    return {};
}

Result<QStringList> ArtefactWriter::write(const QString& folder,
                                          const std::vector<FixArtefact>& artefacts)
{
    if (const QString problem = folderProblem(folder, artefacts); !problem.isEmpty()) {
        return fail(QStringLiteral("hardening.folder"), problem, Text::tr("Nothing was written."));
    }
    const QDir root(folder);
    if (!root.mkpath(QStringLiteral("."))) {
        return fail(QStringLiteral("hardening.folder"),
                    Text::tr("%1 could not be created.").arg(folder),
                    Text::tr("Choose a folder you can write to."));
    }
    QFile::setPermissions(folder,
                          SafeFile::permissions(SafeFile::Mode::OwnerOnly) | QFileDevice::ExeOwner);
    QStringList written;
    for (const FixArtefact& a : artefacts) {
        const QString path = root.filePath(a.path);
        if (!root.mkpath(QFileInfo(a.path).path())) {
            return fail(QStringLiteral("hardening.folder"),
                        Text::tr("%1 could not be created.").arg(QFileInfo(path).path()),
                        Text::tr("Choose a folder you can write to."));
        }
        const std::string_view bytes =
            a.holdsSecret()
                ? a.secret.view()
                : std::string_view(a.content.constData(), std::size_t(a.content.size()));
        if (auto ok = SafeFile::write(path, bytes, a.mode()); !ok) {
            return std::unexpected(ok.error());
        }
        written.append(path);
    }
    return written;
}

} // namespace raysec
