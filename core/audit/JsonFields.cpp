#include "core/audit/JsonFields.h"

#include <QCoreApplication>

namespace raysec::jsonfields {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(raysec::AuditData)
};

QString hint()
{
    return Text::tr("Correct the file, or remove it so that Raysec uses its built-in data.");
}

} // namespace

Error Reader::error(const char* key, const QString& expected) const
{
    return Error{
        code, Text::tr("%1: field \"%2\" must be %3.").arg(where, QString::fromUtf8(key), expected),
        hint()};
}

Result<QString> Reader::string(const char* key) const
{
    auto value = optionalString(key);
    if (value && value->trimmed().isEmpty()) {
        return std::unexpected(error(key, Text::tr("a non-empty string")));
    }
    return value;
}

Result<QString> Reader::optionalString(const char* key) const
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return QString();
    }
    if (!it->is_string()) {
        return std::unexpected(error(key, Text::tr("a string")));
    }
    return QString::fromStdString(it->get<std::string>());
}

Result<QStringList> Reader::stringList(const char* key) const
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) {
        return std::unexpected(error(key, Text::tr("a list of strings")));
    }
    QStringList list;
    for (const auto& item : *it) {
        if (!item.is_string() || item.get<std::string>().empty()) {
            return std::unexpected(error(key, Text::tr("a list of non-empty strings")));
        }
        list.append(QString::fromStdString(item.get<std::string>()));
    }
    return list;
}

Result<bool> Reader::optionalBool(const char* key) const
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return false;
    }
    if (!it->is_boolean()) {
        return std::unexpected(error(key, Text::tr("true or false")));
    }
    return it->get<bool>();
}

Result<nlohmann::json> parseEnvelope(const QByteArray& bytes, const char* format, int maxVersion,
                                     const QString& code, const QString& fileName)
{
    nlohmann::json root = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        return fail(code, Text::tr("%1 is not a JSON object.").arg(fileName), hint());
    }
    const auto fmt = root.find("format");
    if (fmt == root.end() || !fmt->is_string() || fmt->get<std::string>() != format) {
        return fail(code,
                    Text::tr("%1 is not a %2 file (field \"format\").")
                        .arg(fileName, QString::fromLatin1(format)),
                    hint());
    }
    const auto version = root.find("formatVersion");
    if (version == root.end() || !version->is_number_integer() || version->get<int>() < 1) {
        return fail(code, Text::tr("%1 has no valid \"formatVersion\".").arg(fileName), hint());
    }
    if (version->get<int>() > maxVersion) {
        return fail(code,
                    Text::tr("%1 uses format version %2; this Raysec reads up to version %3.")
                        .arg(fileName)
                        .arg(version->get<int>())
                        .arg(maxVersion),
                    Text::tr("Update Raysec to read this file."));
    }
    return root;
}

} // namespace raysec::jsonfields
