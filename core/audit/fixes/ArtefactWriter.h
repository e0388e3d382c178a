#pragma once

#include "core/audit/fixes/FixArtefact.h"
#include "core/common/Error.h"

#include <QStringList>

#include <vector>

namespace raysec {

// Writes the generated files into a folder the person chose: atomically (SafeFile), secret
// files owner-only (0600) from their first byte, the folder itself owner-only. Refuses, before
// writing anything, a relative folder, a path that leaves it, or a file that already exists.
class ArtefactWriter
{
public:
    // Returns the absolute paths written.
    static Result<QStringList> write(const QString& folder,
                                     const std::vector<FixArtefact>& artefacts);
    // Why the folder cannot be used, or an empty string; for inline validation.
    static QString folderProblem(const QString& folder, const std::vector<FixArtefact>& artefacts);
};

} // namespace raysec
