#include "core/audit/AdvisoryDatabase.h"

#include "core/audit/JsonFields.h"
#include "core/common/SafeFile.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace raysec {

namespace {

const QString errorCode = QStringLiteral("audit.advisories.invalid");

QString tr(const char* text)
{
    return QCoreApplication::translate("raysec::AdvisoryDatabase", text);
}

Result<std::optional<RayVersion>> readBound(const jsonfields::Reader& r, const char* key)
{
    auto text = r.optionalString(key);
    if (!text) {
        return std::unexpected(text.error());
    }
    if (text->isEmpty()) {
        return std::optional<RayVersion>();
    }
    auto version = RayVersion::parse(*text);
    if (!version) {
        return std::unexpected(r.error(key, tr("a Ray version such as 2.8.1")));
    }
    return version;
}

Result<void> readRange(const jsonfields::Reader& r, Advisory& advisory)
{
    const auto affected = r.object.find("affected");
    if (affected == r.object.end() || !affected->is_object()) {
        return std::unexpected(r.error("affected", tr("an object with \"from\" and \"before\"")));
    }
    const jsonfields::Reader range{*affected, r.where + QStringLiteral(" affected"), r.code};
    auto from = readBound(range, "from");
    auto before = from ? readBound(range, "before") : from;
    if (!before) {
        return std::unexpected(before.error());
    }
    advisory.from = *from;
    advisory.before = *before;
    if (advisory.from && advisory.before && *advisory.before <= *advisory.from) {
        return std::unexpected(range.error("before", tr("later than \"from\"")));
    }
    return {};
}

Result<void> readTexts(const jsonfields::Reader& r, Advisory& advisory)
{
    auto summary = r.string("summary");
    auto remediation = summary ? r.string("remediation") : summary;
    auto severity = remediation ? r.string("severity") : remediation;
    auto fixedIn = severity ? r.optionalString("fixedIn") : severity;
    auto mitigatedBy = fixedIn ? r.optionalString("mitigatedBy") : fixedIn;
    auto references = r.stringList("references");
    auto disputed = r.optionalBool("disputed");
    if (!mitigatedBy || !references || !disputed) {
        return std::unexpected(!mitigatedBy
                                   ? mitigatedBy.error()
                                   : (!references ? references.error() : disputed.error()));
    }
    const auto level = severityFromName(*severity);
    if (!level) {
        return std::unexpected(r.error("severity", tr("note, low, medium, high or critical")));
    }
    if (!mitigatedBy->isEmpty() && *mitigatedBy != QLatin1String("token-auth")) {
        return std::unexpected(r.error("mitigatedBy", tr("\"token-auth\" or null")));
    }
    if (!fixedIn->isEmpty() && !RayVersion::parse(*fixedIn)) {
        return std::unexpected(r.error("fixedIn", tr("a Ray version or null")));
    }
    advisory.summary = *summary;
    advisory.remediation = *remediation;
    advisory.severity = *level;
    advisory.fixedIn = *fixedIn;
    advisory.mitigatedBy = *mitigatedBy;
    advisory.references = *references;
    advisory.disputed = *disputed;
    return {};
}

Result<Advisory> readAdvisory(const nlohmann::json& object, int index)
{
    static const QRegularExpression idPattern(
        QStringLiteral("^(CVE-[0-9]{4}-[0-9]{4,7}|GHSA(-[0-9a-z]{4}){3})$"));
    if (!object.is_object()) {
        return fail(errorCode, tr("Advisory number %1 is not an object.").arg(index + 1));
    }
    const jsonfields::Reader idReader{object, tr("advisory number %1").arg(index + 1), errorCode};
    auto id = idReader.string("id");
    if (!id) {
        return std::unexpected(id.error());
    }
    if (!idPattern.match(*id).hasMatch()) {
        return std::unexpected(idReader.error("id", tr("a CVE or GHSA identifier")));
    }
    Advisory advisory;
    advisory.id = *id;
    const jsonfields::Reader r{object, tr("advisory %1").arg(*id), errorCode};
    if (auto ok = readTexts(r, advisory); !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = readRange(r, advisory); !ok) {
        return std::unexpected(ok.error());
    }
    return advisory;
}

} // namespace

bool Advisory::affects(const RayVersion& version) const
{
    return (!from || version >= *from) && (!before || version < *before);
}

Result<AdvisoryDatabase> AdvisoryDatabase::builtIn()
{
    auto bytes = SafeFile::read(QStringLiteral(":/raysec/audit/advisories.json"));
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return parse(*bytes, QStringLiteral("advisories.json"));
}

Result<AdvisoryDatabase> AdvisoryDatabase::parse(const QByteArray& bytes, const QString& fileName)
{
    auto root =
        jsonfields::parseEnvelope(bytes, "raysec-advisories", formatVersion, errorCode, fileName);
    if (!root) {
        return std::unexpected(root.error());
    }
    const auto sequence = root->find("sequence");
    const auto list = root->find("advisories");
    if (sequence == root->end() || !sequence->is_number_integer() || sequence->get<int>() < 1) {
        return fail(errorCode, tr("%1 has no valid \"sequence\" number.").arg(fileName));
    }
    if (list == root->end() || !list->is_array()) {
        return fail(errorCode, tr("%1 has no \"advisories\" list.").arg(fileName));
    }
    AdvisoryDatabase db;
    db.m_sequence = sequence->get<int>();
    db.m_published = QString::fromStdString(root->value("published", std::string()));
    QSet<QString> seen;
    for (int i = 0; i < int(list->size()); ++i) {
        auto advisory = readAdvisory(list->at(std::size_t(i)), i);
        if (!advisory) {
            return std::unexpected(advisory.error());
        }
        if (seen.contains(advisory->id)) {
            return fail(errorCode, tr("%1 lists %2 twice.").arg(fileName, advisory->id));
        }
        seen.insert(advisory->id);
        db.m_advisories.append(std::move(*advisory));
    }
    return db;
}

Result<AdvisoryDatabase> AdvisoryDatabase::loadSigned(const QString& path, const QString& publicKey)
{
    // Replacement databases must carry a minisign signature. The verifier belongs to the keys
    // module, which this build does not contain yet, so every replacement is refused.
    Q_UNUSED(publicKey)
    return fail(QStringLiteral("audit.advisories.unverifiable"),
                tr("%1 cannot be used: this build of Raysec cannot verify advisory database "
                   "signatures yet.")
                    .arg(path),
                tr("Keep using the built-in advisory database."));
}

QList<Advisory> AdvisoryDatabase::applicable(const RayVersion& version, bool tokenAuthOn) const
{
    QList<Advisory> found;
    for (const Advisory& advisory : m_advisories) {
        const bool mitigated = tokenAuthOn && advisory.mitigatedBy == QLatin1String("token-auth");
        if (advisory.affects(version) && !mitigated) {
            found.append(advisory);
        }
    }
    return found;
}

} // namespace raysec
