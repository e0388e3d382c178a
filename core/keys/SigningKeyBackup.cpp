#include "core/keys/SigningKeyBackup.h"

#include "core/common/SafeFile.h"
#include "core/keys/MinisignFormat.h"
#include "core/keys/MinisignKeyPair.h"

#include <QCoreApplication>

#include "core/keys/JsonFields.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <array>
#include <vector>

namespace raysec {

namespace {

constexpr const char* FormatName = "raysec-signing-key-backup";
constexpr int FormatVersion = 1;
// Refuse parameters that would let a hostile file exhaust memory or time.
constexpr unsigned long long MaxMemLimit = 1024ULL * 1024 * 1024;
constexpr unsigned long long MaxOpsLimit = 16;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::SigningKeyBackup)
};

Error badBackup(const QString& detail)
{
    return {QStringLiteral("backup.malformed"),
            Text::tr("This is not a Raysec signing-key backup: %1.").arg(detail),
            Text::tr("Choose the file written by \"keys export --backup\".")};
}

Result<SecretBuffer> deriveKey(const SecretBuffer& passphrase, const unsigned char* salt,
                               unsigned long long ops, std::size_t mem)
{
    SecretBuffer key(crypto_secretbox_KEYBYTES);
    if (crypto_pwhash(key.bytes().data(), key.size(), passphrase.data(), passphrase.size(), salt,
                      ops, mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail(QStringLiteral("backup.kdf-memory"),
                    Text::tr("Not enough memory to derive the backup key."),
                    Text::tr("Close other programs and try again."));
    }
    return key;
}

struct Envelope
{
    unsigned long long ops = 0;
    unsigned long long mem = 0;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> nonce;
    std::vector<unsigned char> box;
    std::string publicKey;
};

Result<std::vector<unsigned char>> decodeField(const nlohmann::json& doc, const char* name,
                                               std::size_t expectedSize)
{
    if (!doc.contains(name) || !doc[name].is_string()) {
        return std::unexpected(
            badBackup(Text::tr("the field \"%1\" is missing").arg(QString::fromLatin1(name))));
    }
    auto bytes = minisign::fromBase64(doc[name].get<std::string>(), QString::fromLatin1(name));
    if (!bytes || (expectedSize != 0 && bytes->size() != expectedSize)) {
        return std::unexpected(
            badBackup(Text::tr("the field \"%1\" is damaged").arg(QString::fromLatin1(name))));
    }
    return bytes;
}

Result<Envelope> parseEnvelope(std::string_view text)
{
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return std::unexpected(badBackup(Text::tr("it is not JSON")));
    }
    if (jsonfields::text(doc, "format") != FormatName ||
        jsonfields::integer(doc, "version") != FormatVersion) {
        return std::unexpected(badBackup(Text::tr("unknown format or version")));
    }
    Envelope env;
    env.ops = static_cast<unsigned long long>(jsonfields::integer(doc, "opslimit"));
    env.mem = static_cast<unsigned long long>(jsonfields::integer(doc, "memlimit"));
    if (env.ops < crypto_pwhash_OPSLIMIT_MIN || env.ops > MaxOpsLimit ||
        env.mem < crypto_pwhash_MEMLIMIT_MIN || env.mem > MaxMemLimit) {
        return std::unexpected(
            badBackup(Text::tr("its key-derivation parameters are out of range")));
    }
    auto salt = decodeField(doc, "salt", crypto_pwhash_SALTBYTES);
    auto nonce = decodeField(doc, "nonce", crypto_secretbox_NONCEBYTES);
    auto box =
        decodeField(doc, "box", MinisignKeyPair::SecretMaterialSize + crypto_secretbox_MACBYTES);
    if (!salt || !nonce || !box) {
        return std::unexpected(!salt ? salt.error() : !nonce ? nonce.error() : box.error());
    }
    env.salt = std::move(*salt);
    env.nonce = std::move(*nonce);
    env.box = std::move(*box);
    env.publicKey = jsonfields::text(doc, "publicKey");
    return env;
}

Result<void> checkPassphrase(const SecretBuffer& passphrase)
{
    if (passphrase.size() < SigningKeyBackup::MinPassphraseLength) {
        return fail(QStringLiteral("backup.passphrase-short"),
                    Text::tr("The backup passphrase is shorter than %1 characters.")
                        .arg(SigningKeyBackup::MinPassphraseLength),
                    Text::tr("Choose a longer passphrase, for example several random words."));
    }
    return {};
}

} // namespace

Result<std::string> SigningKeyBackup::seal(const MinisignKeyPair& keyPair,
                                           const SecretBuffer& passphrase)
{
    if (auto ok = checkPassphrase(passphrase); !ok) {
        return std::unexpected(ok.error());
    }
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    std::array<unsigned char, crypto_secretbox_NONCEBYTES> nonce{};
    randombytes_buf(salt.data(), salt.size());
    randombytes_buf(nonce.data(), nonce.size());
    const auto ops = crypto_pwhash_OPSLIMIT_MODERATE;
    const auto mem = crypto_pwhash_MEMLIMIT_MODERATE;
    auto key = deriveKey(passphrase, salt.data(), ops, mem);
    if (!key) {
        return std::unexpected(key.error());
    }
    const SecretBuffer material = keyPair.secretMaterial();
    std::vector<unsigned char> box(material.size() + crypto_secretbox_MACBYTES);
    crypto_secretbox_easy(box.data(), material.bytes().data(), material.size(), nonce.data(),
                          key->bytes().data());

    const nlohmann::ordered_json doc = {{"format", FormatName},
                                        {"version", FormatVersion},
                                        {"kdf", "argon2id13"},
                                        {"opslimit", ops},
                                        {"memlimit", mem},
                                        {"salt", minisign::toBase64(salt)},
                                        {"nonce", minisign::toBase64(nonce)},
                                        {"cipher", "xsalsa20poly1305"},
                                        {"keyId", keyPair.keyIdHex().toStdString()},
                                        {"publicKey", keyPair.publicKeyBase64()},
                                        {"box", minisign::toBase64(box)}};
    return doc.dump(2) + "\n";
}

Result<MinisignKeyPair> SigningKeyBackup::open(std::string_view backup,
                                               const SecretBuffer& passphrase)
{
    auto env = parseEnvelope(backup);
    if (!env) {
        return std::unexpected(env.error());
    }
    auto key = deriveKey(passphrase, env->salt.data(), env->ops, std::size_t(env->mem));
    if (!key) {
        return std::unexpected(key.error());
    }
    SecretBuffer material(MinisignKeyPair::SecretMaterialSize);
    if (crypto_secretbox_open_easy(material.bytes().data(), env->box.data(), env->box.size(),
                                   env->nonce.data(), key->bytes().data()) != 0) {
        return fail(QStringLiteral("backup.wrong-passphrase"),
                    Text::tr("The passphrase is wrong, or the backup file was changed."),
                    Text::tr("Type the passphrase again; it is case-sensitive."));
    }
    auto pair = MinisignKeyPair::fromSecretMaterial(material);
    if (pair && !env->publicKey.empty() && pair->publicKeyBase64() != env->publicKey) {
        return std::unexpected(badBackup(Text::tr("its public key does not match its secret key")));
    }
    return pair;
}

Result<void> SigningKeyBackup::exportTo(const QString& path, const MinisignKeyPair& keyPair,
                                        const SecretBuffer& passphrase)
{
    auto text = seal(keyPair, passphrase);
    if (!text) {
        return std::unexpected(text.error());
    }
    return SafeFile::write(path, *text, SafeFile::Mode::OwnerOnly);
}

Result<MinisignKeyPair> SigningKeyBackup::importFrom(const QString& path,
                                                     const SecretBuffer& passphrase)
{
    auto bytes = SafeFile::read(path, 64 * 1024);
    if (!bytes) {
        return std::unexpected(bytes.error());
    }
    return open(std::string_view(bytes->constData(), std::size_t(bytes->size())), passphrase);
}

} // namespace raysec
