#include "core/passwords/UserBundle.h"

#include "core/common/SafeFile.h"
#include "core/keys/MinisignKeyPair.h"
#include "core/keys/MinisignSigner.h"

#include <QFileInfo>

#include <nlohmann/json.hpp>

namespace raysec {

namespace {

std::string isoTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate).toStdString();
}

} // namespace

std::string UserBundle::document(const QList<DashboardUser>& users, const HashParameters& hashing,
                                 const QDateTime& generated)
{
    nlohmann::json list = nlohmann::json::array();
    for (const DashboardUser& u : users) {
        list.push_back({{"name", u.name.toStdString()},
                        {"role", DashboardUser::roleName(u.role).toStdString()},
                        {"passwordHash", u.passwordHash.toStdString()},
                        {"disabled", u.disabled},
                        {"created", isoTime(u.created)},
                        {"changed", isoTime(u.changed)}});
    }
    const nlohmann::json doc = {{"format", "raysec-dashboard-users"},
                                {"version", 1},
                                {"generated", isoTime(generated)},
                                {"hashing", hashing.toJson()},
                                {"users", list}};
    return doc.dump(2) + "\n";
}

Result<void> UserBundle::write(const QString& path, const std::string& document,
                               const MinisignKeyPair& signingKey)
{
    const std::string trusted = "timestamp:" + std::to_string(QDateTime::currentSecsSinceEpoch()) +
                                "\tfile:" + QFileInfo(path).fileName().toStdString() +
                                "\ttype:raysec-dashboard-users";
    auto signature = MinisignSigner::sign(signingKey, document, trusted,
                                          "signature from raysec dashboard users bundle");
    if (!signature) {
        return std::unexpected(signature.error());
    }
    if (auto ok = SafeFile::write(path, document, SafeFile::Mode::OwnerOnly); !ok) {
        return ok;
    }
    return SafeFile::write(path + QStringLiteral(".minisig"), *signature);
}

} // namespace raysec
