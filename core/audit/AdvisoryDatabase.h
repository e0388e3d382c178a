#pragma once

#include "core/audit/Advisory.h"
#include "core/common/Error.h"

#include <QList>

namespace raysec {

// The offline database of Ray advisories (resources/audit/advisories.json, format version 1).
// A newer database may replace the built-in one only when its minisign signature verifies.
class AdvisoryDatabase
{
public:
    static constexpr int formatVersion = 1;

    static Result<AdvisoryDatabase> builtIn();
    static Result<AdvisoryDatabase> parse(const QByteArray& bytes, const QString& fileName);
    // Loads `path` as a replacement database, checking `path`.minisig against the trusted key.
    static Result<AdvisoryDatabase> loadSigned(const QString& path, const QString& publicKey);

    int sequence() const { return m_sequence; }
    QString published() const { return m_published; }
    const QList<Advisory>& advisories() const { return m_advisories; }

    // Advisories that apply to `version`; those whose mitigation is in place are left out.
    QList<Advisory> applicable(const RayVersion& version, bool tokenAuthOn) const;

private:
    int m_sequence = 0;
    QString m_published;
    QList<Advisory> m_advisories;
};

} // namespace raysec
