#include "core/passwords/HashParameters.h"

#include <QCoreApplication>

#include <sodium.h>

namespace raysec {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::HashParameters)
};

Error badParameters(const QString& message)
{
    return Error{QStringLiteral("passwords.hash-parameters"), message,
                 Text::tr("Use at least 19 MiB of memory with 2 or more passes (or 46 MiB with 1), "
                          "or run 'raysec-cli passwords calibrate'.")};
}

} // namespace

Result<void> HashParameters::validated() const
{
    if (memLimitBytes < minimumMemory) {
        return std::unexpected(
            badParameters(Text::tr("Argon2id memory of %1 KiB is below OWASP's floor of 19 MiB.")
                              .arg(memLimitBytes / 1024)));
    }
    if (memLimitBytes > maximumMemory || memLimitBytes % 1024 != 0) {
        return std::unexpected(badParameters(
            Text::tr("Argon2id memory must be a whole number of KiB and at most 4 GiB.")));
    }
    const unsigned long long minimumOps = memLimitBytes < 46 * MiB ? 2 : 1;
    if (opsLimit < minimumOps || opsLimit > 64) {
        return std::unexpected(badParameters(
            Text::tr("%1 Argon2id passes at %2 MiB is outside the allowed range (%3 to 64).")
                .arg(opsLimit)
                .arg(memLimitBytes / MiB)
                .arg(minimumOps)));
    }
    return {};
}

nlohmann::json HashParameters::toJson() const
{
    nlohmann::json j = {
        {"algorithm", "argon2id"}, {"opsLimit", opsLimit}, {"memoryKiB", memLimitBytes / 1024},
        {"parallelism", 1},        {"targetMs", targetMs}, {"measuredMs", measuredMs}};
    j["calibratedAt"] = calibratedAt.isValid()
                            ? calibratedAt.toUTC().toString(Qt::ISODate).toStdString()
                            : std::string();
    return j;
}

Result<HashParameters> HashParameters::fromJson(const nlohmann::json& json)
{
    HashParameters p;
    try {
        if (json.value("algorithm", std::string("argon2id")) != "argon2id" ||
            json.value("parallelism", 1) != 1) {
            return std::unexpected(badParameters(Text::tr(
                "Only Argon2id with one lane (libsodium's crypto_pwhash_str) is supported.")));
        }
        const auto ops = json.at("opsLimit").get<long long>();
        p.opsLimit = ops > 0 ? static_cast<unsigned long long>(ops) : 0;
        const auto kib = json.at("memoryKiB").get<long long>();
        // Checked before scaling so that a huge value cannot wrap around to a small one.
        p.memLimitBytes =
            kib > 0 && std::size_t(kib) <= maximumMemory / 1024 ? std::size_t(kib) * 1024 : 0;
        p.targetMs = json.value("targetMs", 0);
        p.measuredMs = json.value("measuredMs", 0.0);
        p.calibratedAt = QDateTime::fromString(
            QString::fromStdString(json.value("calibratedAt", std::string())), Qt::ISODate);
    } catch (const nlohmann::json::exception&) {
        return std::unexpected(badParameters(
            Text::tr("The hashing parameters need whole numbers 'opsLimit' and 'memoryKiB'.")));
    }
    if (auto ok = p.validated(); !ok) {
        return std::unexpected(ok.error());
    }
    return p;
}

} // namespace raysec
