#pragma once

#include "core/audit/Check.h"
#include "core/common/Error.h"

#include <QList>

namespace raysec {

// The hardening checks Raysec runs, loaded from the versioned checks file (built in as the Qt
// resource :/raysec/audit/checks.json). Every field is validated; a bad file is refused whole.
class CheckCatalog
{
public:
    static constexpr int formatVersion = 1;

    static Result<CheckCatalog> builtIn();
    static Result<CheckCatalog> fromFile(const QString& path);
    static Result<CheckCatalog> parse(const QByteArray& bytes, const QString& fileName);

    // Probe names and fix kinds a check may name.
    static QStringList probeNames();
    static QStringList fixKinds();

    const QList<Check>& checks() const { return m_checks; }
    const Check* find(const QString& id) const;

private:
    QList<Check> m_checks;
};

} // namespace raysec
