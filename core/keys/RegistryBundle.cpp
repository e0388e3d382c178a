#include "core/keys/RegistryBundle.h"

#include "core/keys/MinisignKeyPair.h"
#include "core/keys/MinisignPublicKey.h"
#include "core/keys/MinisignSigner.h"
#include "core/keys/MinisignVerifier.h"

#include <QCoreApplication>

#include "core/keys/JsonFields.h"

#include <nlohmann/json.hpp>

namespace raysec {

namespace {

constexpr const char* FormatName = "raysec-key-registry";
constexpr int FormatVersion = 1;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::RegistryBundle)
};

nlohmann::json timeOrNull(const QDateTime& t)
{
    return t.isValid() ? nlohmann::json(t.toSecsSinceEpoch()) : nlohmann::json(nullptr);
}

nlohmann::ordered_json toJson(const ApiKeyRecord& r)
{
    nlohmann::json scopes = nlohmann::json::array();
    for (const QString& s : KeyScopes::toNames(r.scopes)) {
        scopes.push_back(s.toStdString());
    }
    return {{"id", r.id.toStdString()},
            {"owner", r.owner.toStdString()},
            {"team", r.team.toStdString()},
            {"scopes", scopes},
            {"notBefore", timeOrNull(r.notBefore)},
            {"expires", timeOrNull(r.expires)},
            {"status", ApiKeyRecord::statusName(r.status).toStdString()},
            {"graceUntil", timeOrNull(r.graceUntil)},
            {"rateTier", r.rateTier.toStdString()},
            {"secretHash", ApiKeyHash::toHex(r.secretHash).toStdString()},
            {"replaces", r.replaces.isEmpty() ? nlohmann::json(nullptr)
                                              : nlohmann::json(r.replaces.toStdString())}};
}

Error badEntry(std::size_t index, const char* field)
{
    return {QStringLiteral("bundle.entry"),
            Text::tr("Key %1 in the registry bundle has a missing or invalid \"%2\".")
                .arg(index + 1)
                .arg(QString::fromLatin1(field)),
            Text::tr("Export the bundle again from Raysec.")};
}

QString text(const nlohmann::json& v, const char* field)
{
    return v.contains(field) && v[field].is_string()
               ? QString::fromStdString(v[field].get<std::string>())
               : QString();
}

bool readTime(const nlohmann::json& v, const char* field, QDateTime& out)
{
    if (!v.contains(field) || v[field].is_null()) {
        return true;
    }
    if (!v[field].is_number_integer()) {
        return false;
    }
    out = QDateTime::fromSecsSinceEpoch(v[field].get<qint64>(), Qt::UTC);
    return true;
}

Result<ApiKeyRecord> parseEntry(const nlohmann::json& v, std::size_t index)
{
    if (!v.is_object()) {
        return std::unexpected(badEntry(index, "id"));
    }
    ApiKeyRecord r;
    r.id = text(v, "id");
    r.owner = text(v, "owner");
    r.team = text(v, "team");
    r.rateTier = text(v, "rateTier");
    r.replaces = text(v, "replaces");
    if (r.id.size() != qsizetype(ApiKeyFormat::IdLength)) {
        return std::unexpected(badEntry(index, "id"));
    }
    const auto status = ApiKeyRecord::statusFromName(text(v, "status"));
    const auto hash = ApiKeyHash::fromHex(text(v, "secretHash").toStdString());
    if (!status || !hash) {
        return std::unexpected(badEntry(index, !status ? "status" : "secretHash"));
    }
    r.status = *status;
    r.secretHash = *hash;
    QStringList scopes;
    for (const auto& s : v.value("scopes", nlohmann::json::array())) {
        scopes << (s.is_string() ? QString::fromStdString(s.get<std::string>()) : QString());
    }
    auto bits = KeyScopes::parse(scopes);
    if (!bits) {
        return std::unexpected(badEntry(index, "scopes"));
    }
    r.scopes = *bits;
    for (auto [field, target] :
         {std::pair{"notBefore", &r.notBefore}, std::pair{"expires", &r.expires},
          std::pair{"graceUntil", &r.graceUntil}}) {
        if (!readTime(v, field, *target)) {
            return std::unexpected(badEntry(index, field));
        }
    }
    return r;
}

} // namespace

std::string RegistryBundle::toJson(const std::vector<ApiKeyRecord>& records,
                                   const QDateTime& generated, const QString& signingKeyId)
{
    nlohmann::ordered_json keys = nlohmann::ordered_json::array();
    for (const ApiKeyRecord& r : records) {
        keys.push_back(raysec::toJson(r));
    }
    const nlohmann::ordered_json doc = {
        {"format", FormatName},
        {"version", FormatVersion},
        {"generated", generated.toUTC().toString(Qt::ISODate).toStdString()},
        {"signingKeyId", signingKeyId.toStdString()},
        {"secretHash", "blake2b-256, personal \"raysec-apikey-v1\", over rsk_<id>_<secret>"},
        {"keys", keys}};
    return doc.dump(2) + "\n";
}

Result<std::vector<ApiKeyRecord>> RegistryBundle::parse(std::string_view json)
{
    const auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || jsonfields::text(doc, "format") != FormatName ||
        jsonfields::integer(doc, "version") != FormatVersion || !doc.contains("keys") ||
        !doc["keys"].is_array()) {
        return fail(
            QStringLiteral("bundle.format"),
            Text::tr("This is not a Raysec key registry bundle (version %1).").arg(FormatVersion),
            Text::tr("Give the registry.json exported by \"raysec-cli keys export\"."));
    }
    std::vector<ApiKeyRecord> records;
    records.reserve(doc["keys"].size());
    for (std::size_t i = 0; i < doc["keys"].size(); ++i) {
        auto record = parseEntry(doc["keys"][i], i);
        if (!record) {
            return std::unexpected(record.error());
        }
        records.push_back(std::move(*record));
    }
    return records;
}

Result<std::string> RegistryBundle::sign(std::string_view json, const MinisignKeyPair& keyPair,
                                         const QDateTime& now, std::size_t keyCount)
{
    const std::string comment = "timestamp:" + std::to_string(now.toSecsSinceEpoch()) +
                                "\tfile:" + FileName + "\tkeys:" + std::to_string(keyCount);
    return MinisignSigner::sign(keyPair, json, comment,
                                "raysec key registry, signed by key " +
                                    keyPair.keyIdHex().toStdString());
}

Result<KeyValidator> RegistryBundle::loadVerified(std::string_view json, std::string_view signature,
                                                  const MinisignPublicKey& key)
{
    if (auto ok = MinisignVerifier::verifiedComment(key, json, signature); !ok) {
        return std::unexpected(ok.error());
    }
    auto records = parse(json);
    if (!records) {
        return std::unexpected(records.error());
    }
    KeyValidator validator;
    validator.reserve(records->size());
    for (const ApiKeyRecord& r : *records) {
        validator.insert(r);
    }
    return validator;
}

} // namespace raysec
