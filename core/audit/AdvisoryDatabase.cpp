#include "core/audit/AdvisoryDatabase.h"

#include "core/audit/JsonFields.h"
#include "core/common/SafeFile.h"
#include "core/keys/MinisignVerifier.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace raysec {

namespace {

const QString errorCode = QStringLiteral("audit.advisories.invalid");

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::AdvisoryDatabase)
};

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
        return std::unexpected(r.error(key, Text::tr("a Ray version such as 2.8.1")));
    }
    return version;
}

Result<void> readRange(const jsonfields::Reader& r, Advisory& advisory)
{
    const auto affected = r.object.find("affected");
    if (affected == r.object.end() || !affected->is_object()) {
        return std::unexpected(
            r.error("affected", Text::tr("an object with \"from\" and \"before\"")));
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
        return std::unexpected(range.error("before", Text::tr("later than \"from\"")));
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
        return std::unexpected(
            r.error("severity", Text::tr("note, low, medium, high or critical")));
    }
    if (!mitigatedBy->isEmpty() && *mitigatedBy != QLatin1String("token-auth")) {
        return std::unexpected(r.error("mitigatedBy", Text::tr("\"token-auth\" or null")));
    }
    if (!fixedIn->isEmpty() && !RayVersion::parse(*fixedIn)) {
        return std::unexpected(r.error("fixedIn", Text::tr("a Ray version or null")));
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
        return fail(errorCode, Text::tr("Advisory number %1 is not an object.").arg(index + 1));
    }
    const jsonfields::Reader idReader{object, Text::tr("advisory number %1").arg(index + 1),
                                      errorCode};
    auto id = idReader.string("id");
    if (!id) {
        return std::unexpected(id.error());
    }
    if (!idPattern.match(*id).hasMatch()) {
        return std::unexpected(idReader.error("id", Text::tr("a CVE or GHSA identifier")));
    }
    Advisory advisory;
    advisory.id = *id;
    const jsonfields::Reader r{object, Text::tr("advisory %1").arg(*id), errorCode};
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
        return fail(errorCode, Text::tr("%1 has no valid \"sequence\" number.").arg(fileName));
    }
    if (list == root->end() || !list->is_array()) {
        return fail(errorCode, Text::tr("%1 has no \"advisories\" list.").arg(fileName));
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
            return fail(errorCode, Text::tr("%1 lists %2 twice.").arg(fileName, advisory->id));
        }
        seen.insert(advisory->id);
        db.m_advisories.append(std::move(*advisory));
    }
    return db;
}

Result<AdvisoryDatabase> AdvisoryDatabase::loadSigned(const QString& path,
                                                      const QByteArray& publicKeyText,
                                                      int currentSequence)
{
    auto bytes = SafeFile::read(path, 4 * 1024 * 1024);
    auto signature = bytes ? SafeFile::read(path + QStringLiteral(".minisig"), 64 * 1024) : bytes;
    if (!signature) {
        return std::unexpected(signature.error());
    }
    // Verify before parsing: an unsigned or tampered file is never read as advisories.
    const auto view = [](const QByteArray& b) {
        return std::string_view(b.constData(), std::size_t(b.size()));
    };
    if (auto ok = MinisignVerifier::verify(view(publicKeyText), view(*bytes), view(*signature));
        !ok) {
        return fail(
            QStringLiteral("audit.advisories.signature"),
            Text::tr("%1 is not signed by the advisory key: %2").arg(path, ok.error().message),
            Text::tr("Download the database and its .minisig again from the publisher."));
    }
    auto db = parse(*bytes, path);
    if (!db) {
        return db;
    }
    if (db->sequence() <= currentSequence) {
        return fail(QStringLiteral("audit.advisories.stale"),
                    Text::tr("%1 has sequence %2, not newer than the database in use (%3).")
                        .arg(path)
                        .arg(db->sequence())
                        .arg(currentSequence),
                    Text::tr("Keep the database in use, or get a newer one."));
    }
    return db;
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
